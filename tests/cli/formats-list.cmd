coauthor formats
