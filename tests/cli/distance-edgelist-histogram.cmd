coauthor distance -q --from 3466 --histogram --csv data/CA-GrQc.txt
