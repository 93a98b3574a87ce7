. tests/shared-data.sh
need_shared acl/acl-main-2015-2021.bib.gz
coauthor path -q --strongest --from "Ivan Titov" --to "Christopher D. Manning" "$SHARED/acl/acl-main-2015-2021.bib.gz"
