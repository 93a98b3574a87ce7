gzip -c data/ivan-titov.txt | coauthor stats --json -
