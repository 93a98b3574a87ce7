# A broken work among pretty-printed ones: located at the line of the error,
# skipped, and reading resumes at the next work.
coauthor rank --author 'Ivan Titov' --papers tests/data/jsonl/s2-papers-pretty-bad.json
