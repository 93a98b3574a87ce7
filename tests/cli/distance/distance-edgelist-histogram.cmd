. tests/shared-data.sh
need_shared snap/CA-GrQc.txt
coauthor distance -q --from 3466 --histogram --csv "$SHARED/snap/CA-GrQc.txt"
