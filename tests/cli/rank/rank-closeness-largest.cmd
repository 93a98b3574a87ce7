. tests/shared-data.sh
need_shared snap/CA-GrQc.txt
coauthor rank -q --by closeness --component largest --top 5 "$SHARED/snap/CA-GrQc.txt"
