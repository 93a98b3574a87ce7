# Records repeated inside one file are merged as across files: one key
# with agreeing titles is one paper (the second spelling of its first
# author joins the first: merged on evidence); two keys are two papers
# (per-issue editorials); a key reused for another title is kept apart,
# with a warning.
coauthor stats tests/data/dedup/repeats.bib | head -4
coauthor rank -q --author "Florent Lamiraux" tests/data/dedup/repeats.bib
