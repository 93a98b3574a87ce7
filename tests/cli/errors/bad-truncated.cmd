coauthor stats tests/data/bad/profile-truncated.txt
