coauthor stats tests/data/bad/profile-invalid-utf8.txt
