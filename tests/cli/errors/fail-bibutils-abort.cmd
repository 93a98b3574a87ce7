. tests/shared-data.sh
need_shared bibtex/serif.bib
# An assertion inside bibutils ends the program (abort, status 134), but
# what bibutils wrote on its captured stderr is shown first.  Simulated:
# COAUTHOR_FAULT_BIBUTILS_ABORT aborts where bibutils would run.
COAUTHOR_FAULT_BIBUTILS_ABORT=1 coauthor stats "$SHARED/bibtex/serif.bib" 2>&1 | grep -E "bibutils failed|simulated"
echo "exit ${PIPESTATUS[0]}"
