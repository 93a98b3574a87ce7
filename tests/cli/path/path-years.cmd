coauthor path -q --from "Zihan Qiu" --to "Verna Dankers" --years 2023- data/ivan-titov.txt
