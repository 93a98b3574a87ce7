coauthor path -q --from "Zihan Qiu" --to "Verna Dankers" --strongest data/ivan-titov.txt
