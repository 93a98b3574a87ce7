coauthor rank --author 'Guy L. Steele Jr.' tests/data/jsonl/arxiv-metadata.jsonl
