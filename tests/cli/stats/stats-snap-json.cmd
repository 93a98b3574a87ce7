. tests/shared-data.sh
need_shared snap/CA-GrQc.txt
coauthor stats --json "$SHARED/snap/CA-GrQc.txt"
