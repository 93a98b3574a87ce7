# TeX prints no space typed in math mode ("{$ \Omega $}-{Babel}" is
# "Omega-Babel", not "Omega -Babel"), but keeps space around an operator or
# a relation ("$x + y$"), and "\$" is a dollar sign; a field with a lone
# '$' keeps its spaces.
coauthor export -q --bipartite --to json tests/data/bibtex/tex-math.bib | grep '"type": "paper"'
