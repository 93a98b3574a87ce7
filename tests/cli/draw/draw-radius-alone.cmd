coauthor draw --radius 2 data/ivan-titov.txt -o /tmp/never.svg
