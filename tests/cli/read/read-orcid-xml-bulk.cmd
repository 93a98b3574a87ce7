coauthor rank --by papers tests/data/orcid/works-bulk.xml
