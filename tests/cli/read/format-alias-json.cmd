coauthor stats --format JSON tests/data/jsonl/openalex-works.jsonl tests/data/json/csl-bad-middle.json:CSL_JSON
