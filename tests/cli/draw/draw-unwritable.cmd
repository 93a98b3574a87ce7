coauthor draw data/ivan-titov.txt -o /nonexistent/dir/titov.svg
