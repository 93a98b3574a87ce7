coauthor communities --method walktrap --resolution 2 data/ivan-titov.txt
