ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" coauthor communities --method optimal --force --time-limit 1 data/ivan-titov.txt # igraph 0.10.2 leaks two vectors when GLPK is interrupted
