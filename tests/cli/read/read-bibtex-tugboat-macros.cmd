# TUGboat's own commands print what they stand for: "{\Dash}" an em dash
# (it came out as "Dash"), \LuaTeX "LuaTeX" (bibutils read "\L" as Ł),
# \acro{PDF} "PDF" (not "acroPDF"), \TUB "TUGboat", \MF "METAFONT".
coauthor export -q --bipartite --to json tests/data/bibtex/tugboat-macros.bib | grep '"type": "paper"'
