coauthor stats --format bibtx data/ivan-titov.txt
