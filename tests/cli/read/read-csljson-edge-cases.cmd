coauthor rank --by papers tests/data/json/csl-edge-cases.json tests/data/json/csl-huge-field.json
