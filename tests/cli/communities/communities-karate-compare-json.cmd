coauthor communities --compare --runs 1 --seed 2 --json tests/data/karate.txt
