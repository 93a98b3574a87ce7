coauthor distance -q --from "Ivan Titov" data/acl-main-2015-2021.bib.gz
