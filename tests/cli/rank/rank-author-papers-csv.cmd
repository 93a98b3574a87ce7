coauthor rank -q --author "Verna Dankers" --papers --csv data/ivan-titov.txt
