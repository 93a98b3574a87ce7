coauthor stats --format endnote-xml tests/data/bad/fuzz-endnote-xml-stray-end.xml
