coauthor communities --objective cpm --resolution 0.1 --top 3 tests/data/karate.txt
