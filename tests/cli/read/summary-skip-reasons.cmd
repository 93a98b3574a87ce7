# Every record left out is counted in the summary line and in the source's
# line, with its reason (editors only, malformed); an author listed twice
# on one paper is counted once, and the output says so.
coauthor stats tests/data/quiet/skips.bib
