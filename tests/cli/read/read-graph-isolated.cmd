coauthor stats tests/data/graph/isolated.graphml && coauthor path --from 'Shay B. Cohen' --to 'Ivan Titov' tests/data/graph/isolated.graphml
