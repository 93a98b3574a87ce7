coauthor path -q --from "Zihan Qiu" --to "Verna Dankers" --json data/ivan-titov.txt
