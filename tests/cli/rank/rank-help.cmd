coauthor rank --help | sed -n '1,/^Input and selection/p'
