coauthor export --to graphml data/ivan-titov.txt -o /nonexistent/dir/titov.graphml
