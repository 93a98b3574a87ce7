coauthor draw --highlight-path 'Ivan Titov' 'Biao Zhang' --ego 'Ivan Titov' data/ivan-titov.txt -o /tmp/never.svg
