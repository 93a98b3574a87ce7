# Works pretty-printed over several lines (one after another, or a single
# Crossref API response) read the same as their JSON Lines originals.
coauthor rank --author 'Ivan Titov' --papers tests/data/jsonl/openalex-works-pretty.json
diff <(coauthor rank --author 'Ivan Titov' --papers -q tests/data/jsonl/openalex-works.jsonl) \
     <(coauthor rank --author 'Ivan Titov' --papers -q tests/data/jsonl/openalex-works-pretty.json) &&
    echo "openalex-works-pretty.json: the same as openalex-works.jsonl"
coauthor rank --author 'Beethoven' --papers tests/data/jsonl/crossref-work-pretty.json
