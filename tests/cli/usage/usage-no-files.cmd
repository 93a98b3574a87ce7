coauthor stats
