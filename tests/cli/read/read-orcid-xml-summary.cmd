coauthor stats tests/data/orcid/works-summary.xml
