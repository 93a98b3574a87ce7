coauthor communities -q --method leiden --resolution 0.5 --seed 7 --tsv data/acl-main-2015-2021.bib.gz | head -12
