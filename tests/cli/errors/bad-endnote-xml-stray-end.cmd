coauthor stats --tsv tests/data/bad/endnote-xml-stray-end.xml | head -3
