coauthor authorships tests/data/jsonl/openalex-works.jsonl
