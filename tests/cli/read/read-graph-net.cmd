coauthor path --from 'Nicola De Cao' --to 'Mirella Lapata' tests/data/graph/small.net
