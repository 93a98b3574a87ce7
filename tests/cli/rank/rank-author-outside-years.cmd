coauthor rank --author "Zeyu Huang" --years 2021-2022 data/ivan-titov.txt
