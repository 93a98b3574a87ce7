coauthor path -q --from "Mirella Lapata" --to "Noah A. Smith" --json --all --limit 2 data/acl-main-2015-2021.bib.gz
