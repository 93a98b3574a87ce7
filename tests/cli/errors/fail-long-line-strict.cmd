python3 tests/data/make-long-line.py | coauthor stats --strict -
