coauthor communities --help | sed '/^Input and selection/,$d'
