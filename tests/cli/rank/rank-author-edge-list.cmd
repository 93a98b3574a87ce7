. tests/shared-data.sh
need_shared snap/CA-GrQc.txt
coauthor rank -q --author 13801 --papers --top 2 "$SHARED/snap/CA-GrQc.txt"
