. tests/shared-data.sh
need_shared snap/CA-GrQc.txt
coauthor rank -q --by betweenness --top 10 --tsv "$SHARED/snap/CA-GrQc.txt"
