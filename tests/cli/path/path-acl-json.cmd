. tests/shared-data.sh
need_shared acl/acl-main-2015-2021.bib.gz
coauthor path -q --from "Mirella Lapata" --to "Noah A. Smith" --json --all --limit 2 "$SHARED/acl/acl-main-2015-2021.bib.gz"
