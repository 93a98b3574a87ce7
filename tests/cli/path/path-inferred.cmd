coauthor path --from "Zihan Qiu" --to "Verna Dankers" data/ivan-titov.txt
