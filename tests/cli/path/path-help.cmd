coauthor path --help
