. tests/shared-data.sh
need_shared snap/CA-GrQc.txt
coauthor path -q --all --from 3466 --to 21012 "$SHARED/snap/CA-GrQc.txt"
