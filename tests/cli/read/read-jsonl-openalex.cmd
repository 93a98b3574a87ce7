coauthor rank --author 'Ivan Titov' tests/data/jsonl/openalex-works.jsonl
