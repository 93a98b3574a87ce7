coauthor rank --by papers tests/data/orcid/works-bulk-bad-entity.xml
