coauthor distance -q --from Zihan --max-distance 1 --json data/ivan-titov.txt
