coauthor communities -q --method optimal --ego 'Ivan Titov' --radius 1 data/acl-main-2015-2021.bib.gz
