coauthor stats --strict tests/data/bad/profile-malformed.txt
