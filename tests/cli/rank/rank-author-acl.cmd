. tests/shared-data.sh
need_shared acl/acl-main-2015-2021.bib.gz
coauthor rank -q --author "Ivan Titov" --top 5 "$SHARED/acl/acl-main-2015-2021.bib.gz"
