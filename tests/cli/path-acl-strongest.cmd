coauthor path -q --strongest --from "Ivan Titov" --to "Christopher D. Manning" data/acl-main-2015-2021.bib.gz
