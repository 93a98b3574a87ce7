coauthor authorships --help
