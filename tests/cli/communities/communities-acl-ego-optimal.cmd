. tests/shared-data.sh
need_shared acl/acl-main-2015-2021.bib.gz
coauthor communities -q --method optimal --ego 'Ivan Titov' --radius 1 "$SHARED/acl/acl-main-2015-2021.bib.gz"
