coauthor rank --author 'Lapata' tests/data/jsonl/crossref-works.jsonl tests/data/jsonl/crossref-works.jsonl
