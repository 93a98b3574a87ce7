# Two different papers that carry one DOI stay two papers, and the warning
# gives both records' lines; the same paper listed again under that DOI
# (another resolver prefix, other case, a full stop) is merged.  The
# reviewer does not become the article's authors' coauthor.
coauthor stats tests/data/dedup/shared-doi.bib | head -4
coauthor rank -q --author "Frank Schilder" tests/data/dedup/shared-doi.bib; echo "exit $?"
