coauthor stats /proc/self/mem
