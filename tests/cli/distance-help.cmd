coauthor distance --help
