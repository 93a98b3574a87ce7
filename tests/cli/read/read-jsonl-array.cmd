coauthor stats --json tests/data/jsonl/s2-papers-array.json
