coauthor path -q --all --from 3466 --to 1008 --limit 4 data/CA-GrQc.txt
