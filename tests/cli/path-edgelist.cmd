coauthor path -q --all --from 3466 --to 21012 data/CA-GrQc.txt
