coauthor stats tests/data/jsonl/openalex-works.jsonl tests/data/jsonl/crossref-works.jsonl tests/data/jsonl/arxiv-metadata.jsonl tests/data/jsonl/s2-papers.jsonl
