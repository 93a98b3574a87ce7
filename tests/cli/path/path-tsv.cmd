coauthor path -q --from "Zihan Qiu" --to "Verna Dankers" --tsv data/ivan-titov.txt
