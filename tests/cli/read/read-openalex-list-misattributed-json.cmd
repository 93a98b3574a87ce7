coauthor names --json tests/data/json/openalex-list-misattributed.json
