. tests/shared-data.sh
need_shared acl/acl-main-2015-2021.bib.gz
coauthor communities -q --compare --runs 1 --ego 'Anna Korhonen' "$SHARED/acl/acl-main-2015-2021.bib.gz"
