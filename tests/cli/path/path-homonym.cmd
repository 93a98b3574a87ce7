coauthor path -q --from "George Barmpalias" --to "Verna Dankers" data/ivan-titov.txt
