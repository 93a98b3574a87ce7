# A Web of Science export with the header of current exports ("FN
# Clarivate Analytics Web of Science", which bibutils 7.2 does not know) is
# read without a warning about its header.
coauthor stats tests/data/quiet/clarivate-header.isi
