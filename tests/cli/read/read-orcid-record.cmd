coauthor rank --by papers tests/data/orcid/record.json
