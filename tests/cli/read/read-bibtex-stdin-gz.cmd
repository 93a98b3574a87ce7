. tests/shared-data.sh
need_shared bibtex/serif.bib
gzip -c "$SHARED/bibtex/serif.bib" | coauthor stats -
