python3 tests/data/make-pathological.py wide 100000 | coauthor stats -
