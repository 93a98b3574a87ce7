coauthor rank -q --author "Ivan Titov" --top 5 data/acl-main-2015-2021.bib.gz
