coauthor stats --tsv --years 2023-2024 data/ivan-titov.txt
