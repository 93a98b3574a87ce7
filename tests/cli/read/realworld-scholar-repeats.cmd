# A Google Scholar BibTeX export concatenated per lab member: 171 entries,
# 9 of them repeats of an entry before (the same key), so 162 papers.
. tests/shared-data.sh
need_shared realworld/scholar-gepetto.bib
coauthor stats "$SHARED/realworld/scholar-gepetto.bib" 2>&1 | sed -n '1,5p;/^papers/p'
