coauthor rank --author 'Ivan Titov' tests/data/jsonl/s2-papers.jsonl
