coauthor stats --strict tests/data/bad/profile-nul-bytes.txt
