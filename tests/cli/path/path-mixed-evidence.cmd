coauthor path -q --from "Matthias Lindemann" --to "Verna Dankers" data/ivan-titov.txt
