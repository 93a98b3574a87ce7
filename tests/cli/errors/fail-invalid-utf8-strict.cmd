coauthor stats --strict tests/data/bad/profile-invalid-utf8.txt
