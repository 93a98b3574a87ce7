coauthor rank -q --by pagerank --top 20 data/acl-main-2015-2021.bib.gz
