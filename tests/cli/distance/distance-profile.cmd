coauthor distance --from "Ivan Titov" data/ivan-titov.txt
