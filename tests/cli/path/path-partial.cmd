coauthor path -q --from "Zihan Qiu" --to Dankers data/ivan-titov.txt | head -1
