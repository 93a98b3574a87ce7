coauthor stats --strict tests/data/bad/profile-truncated.txt
