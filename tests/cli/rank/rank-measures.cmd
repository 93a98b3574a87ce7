for m in papers degree strength coreness harmonic closeness betweenness eigenvector; do coauthor rank -q --by $m --top 3 data/ivan-titov.txt || exit; done
