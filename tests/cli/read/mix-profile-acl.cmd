. tests/shared-data.sh
need_shared acl/acl-main-2015-2021.bib.gz
coauthor path --from 'Karim Galliamov' --to 'Mirella Lapata' data/ivan-titov.txt "$SHARED/acl/acl-main-2015-2021.bib.gz" 2>&1 | grep -v ': bibutils: '
