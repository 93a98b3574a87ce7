coauthor path --all --strongest --from A --to B data/ivan-titov.txt
