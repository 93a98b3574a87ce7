coauthor stats tests/data/bad/profile-malformed.txt
