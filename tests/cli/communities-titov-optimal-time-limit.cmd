coauthor communities --method optimal --force --time-limit 1 data/ivan-titov.txt
