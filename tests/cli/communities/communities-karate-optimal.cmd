coauthor communities --method optimal tests/data/karate.txt
