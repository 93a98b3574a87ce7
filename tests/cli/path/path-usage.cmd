coauthor path --from "Zihan Qiu" data/ivan-titov.txt
