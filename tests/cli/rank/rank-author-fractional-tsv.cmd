coauthor rank -q --author "Ivan Titov" --by fractional --top 8 --tsv data/ivan-titov.txt
