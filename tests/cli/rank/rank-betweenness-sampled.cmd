. tests/shared-data.sh
need_shared snap/CA-GrQc.txt
coauthor rank --by betweenness --sample 300 --top 5 "$SHARED/snap/CA-GrQc.txt"
