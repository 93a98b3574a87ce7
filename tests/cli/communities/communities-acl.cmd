. tests/shared-data.sh
need_shared acl/acl-main-2015-2021.bib.gz
coauthor communities -q --top 3 "$SHARED/acl/acl-main-2015-2021.bib.gz" | head -14
