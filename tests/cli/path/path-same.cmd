coauthor path -q --from "Ivan Titov" --to "Ivan Titov" --json data/ivan-titov.txt
