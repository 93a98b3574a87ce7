coauthor rank --by degree --papers data/ivan-titov.txt
