coauthor stats tests/data/bad/binary.bin
