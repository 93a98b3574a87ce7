coauthor names tests/data/json/openalex-list-misattributed.json
