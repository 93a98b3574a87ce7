coauthor stats tests/data/refs/sample.ris tests/data/refs/sample.enw
