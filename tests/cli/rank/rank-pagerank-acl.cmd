. tests/shared-data.sh
need_shared acl/acl-main-2015-2021.bib.gz
coauthor rank -q --by pagerank --top 20 "$SHARED/acl/acl-main-2015-2021.bib.gz"
