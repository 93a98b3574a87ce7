coauthor stats --format no-such-format data/ivan-titov.txt
