. tests/shared-data.sh
need_shared snap/CA-GrQc.txt
coauthor distance -q --from 3466 --max-distance 2 --tsv "$SHARED/snap/CA-GrQc.txt"
