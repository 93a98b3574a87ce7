. tests/shared-data.sh
need_shared dblp/dblp-fragment.xml
coauthor stats "$SHARED/dblp/dblp-fragment.xml"
