coauthor path --from 'Karim Galliamov' --to 'Mirella Lapata' data/ivan-titov.txt data/acl-main-2015-2021.bib.gz 2>&1 | grep -v ': bibutils: '
