. tests/shared-data.sh
need_shared acl/acl-main-2015-2021.bib.gz
coauthor distance -q --from "Ivan Titov" "$SHARED/acl/acl-main-2015-2021.bib.gz"
