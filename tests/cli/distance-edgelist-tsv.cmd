coauthor distance -q --from 3466 --max-distance 2 --tsv data/CA-GrQc.txt
