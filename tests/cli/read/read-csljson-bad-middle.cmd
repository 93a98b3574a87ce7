coauthor stats tests/data/json/csl-bad-middle.json
