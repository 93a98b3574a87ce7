coauthor rank -q --by closeness --component largest --top 5 data/CA-GrQc.txt
