coauthor formats --help
