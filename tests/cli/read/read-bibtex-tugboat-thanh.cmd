# Beebe's TUGboat bibliography writes Han The Thanh as \Thanh, which its
# @Preamble gets from tugboat.def (\input, found in the TeX tree beside
# the .bib): his 12 papers written \Thanh and the one written "Han The
# Thanh" are one author's 13.  Installed by texlive-bibtex-extra.
f=/usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib
[ -r "$f" ] || { echo "skipped: needs $f (Debian's texlive-bibtex-extra; scripts/install-deps.sh)"; exit 77; }
coauthor rank -q --by papers --top 2000 "$f" | grep -E 'Th[aà]nh|Birkhahn|Driver Standards|LaTeX3|rlap|acro|sltt'
coauthor rank -q --author "Han The Thanh" "$f"
