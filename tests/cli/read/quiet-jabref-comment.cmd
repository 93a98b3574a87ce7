# JabRef's @Comment blocks in a biblatex library are not entries: no
# "entry lines may be wrong", no complaint about their braces.
coauthor stats tests/data/quiet/jabref.bib
