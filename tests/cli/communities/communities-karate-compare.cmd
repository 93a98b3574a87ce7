coauthor communities --compare tests/data/karate.txt
