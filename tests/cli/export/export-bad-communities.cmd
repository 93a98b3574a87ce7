coauthor export --to json --communities=bogus data/ivan-titov.txt
