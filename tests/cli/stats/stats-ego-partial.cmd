coauthor stats --ego "Huang" --avoid "Zihan Qiu" --tsv data/ivan-titov.txt
