coauthor communities -q --top 3 data/acl-main-2015-2021.bib.gz | head -14
