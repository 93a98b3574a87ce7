. tests/shared-data.sh
need_shared snap/CA-GrQc.txt
coauthor rank -q --by eigenvector --top 5 --json "$SHARED/snap/CA-GrQc.txt"
