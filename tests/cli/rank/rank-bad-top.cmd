coauthor rank --by degree --top -1 data/ivan-titov.txt
