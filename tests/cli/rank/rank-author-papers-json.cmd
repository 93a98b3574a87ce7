coauthor rank -q --author "Zeyu Huang" --papers --json data/ivan-titov.txt
