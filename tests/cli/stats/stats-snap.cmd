. tests/shared-data.sh
need_shared snap/CA-GrQc.txt
coauthor stats "$SHARED/snap/CA-GrQc.txt"
