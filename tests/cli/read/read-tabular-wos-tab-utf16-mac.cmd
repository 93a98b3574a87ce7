coauthor export --to json tests/data/tabular/wos-tab-utf16-mac.txt
