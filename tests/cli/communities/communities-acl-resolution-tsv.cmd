. tests/shared-data.sh
need_shared acl/acl-main-2015-2021.bib.gz
coauthor communities -q --method leiden --resolution 0.5 --seed 7 --tsv "$SHARED/acl/acl-main-2015-2021.bib.gz" | head -12
