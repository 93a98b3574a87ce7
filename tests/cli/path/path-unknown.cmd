coauthor path -q --from "Zihan Qiu" --to "Nobody Atall" data/ivan-titov.txt
