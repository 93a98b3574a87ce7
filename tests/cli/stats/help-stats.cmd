coauthor stats --help
