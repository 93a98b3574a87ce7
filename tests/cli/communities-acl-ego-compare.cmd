coauthor communities -q --compare --runs 1 --ego 'Anna Korhonen' data/acl-main-2015-2021.bib.gz
