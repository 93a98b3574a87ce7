coauthor names data/ivan-titov.txt
