# The same counts for programs: "skipped" (malformed), "without_authors".
coauthor stats --json tests/data/quiet/skips.bib | grep -E '"(papers|duplicate_authorships)"|"path"'
