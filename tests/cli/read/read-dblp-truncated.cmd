. tests/shared-data.sh
need_shared dblp/dblp-fragment.xml
# the fragment cut inside its 15th record
head -c 6000 "$SHARED/dblp/dblp-fragment.xml" | coauthor stats -
