coauthor stats --ego "Ivan Tito" data/ivan-titov.txt
