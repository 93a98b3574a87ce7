coauthor stats tests/data/bad/profile-nul-bytes.txt
