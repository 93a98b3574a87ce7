# every author (in order), title, year, venue and identifier of each record
coauthor export --bipartite --to json tests/data/refs/sample-mods.xml
coauthor stats -q tests/data/refs/sample-mods.xml | head -2
