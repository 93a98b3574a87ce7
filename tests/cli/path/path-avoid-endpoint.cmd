coauthor path -q --from "Zihan Qiu" --to "Ivan Titov" --avoid "Ivan Titov" data/ivan-titov.txt
