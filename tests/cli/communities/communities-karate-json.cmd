coauthor communities --method infomap --json tests/data/karate.txt
