. tests/shared-data.sh
need_shared dblp/dblp-fragment.xml
gzip -c "$SHARED/dblp/dblp-fragment.xml" | coauthor stats --json -
