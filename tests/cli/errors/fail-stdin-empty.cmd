coauthor stats - < /dev/null
