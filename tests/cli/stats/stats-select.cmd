coauthor stats --year 2025 --component largest --min-papers 2 data/ivan-titov.txt
