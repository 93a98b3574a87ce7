coauthor stats --strict tests/data/bad/jsonl-deep-nesting.jsonl
