coauthor path -q --from "Zihan Qiu" --to "Verna Dankers" --avoid "Ivan Titov" --json data/ivan-titov.txt
