coauthor --help
