coauthor stats tests/data/bad/jsonl-deep-nesting.jsonl
