coauthor stats tests/data/jsonl/bad.jsonl
