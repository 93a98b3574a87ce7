coauthor draw data/ivan-titov.txt -o titov.gif
