coauthor path --from "Zihan Qiu" --to "Verna Dankers" --avoid "Ivan Titov" data/ivan-titov.txt
