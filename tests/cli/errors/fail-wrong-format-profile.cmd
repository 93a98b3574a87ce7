. tests/shared-data.sh
need_shared snap/CA-GrQc.txt
coauthor stats --format profile "$SHARED/snap/CA-GrQc.txt"
