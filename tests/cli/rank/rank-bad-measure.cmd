coauthor rank --by influence data/ivan-titov.txt
