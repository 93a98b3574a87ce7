coauthor stats --format snap tests/data/bad/binary.bin
