#!/usr/bin/env bash
# coauthor communities on the ACL Anthology BibTeX (2015-2021, about 16,000
# authors): Leiden takes well under a second of CPU time (--timing; not
# checked under the sanitizers), its Q is the modularity of the partition it
# writes, and it is within 0.01 of python-igraph's community_leiden on the
# same graph (read back from 'coauthor export --to graphml') with the same
# objective (modularity, joint-paper weights).
set -e
. tests/script-lib.sh
need_shared acl/acl-main-2015-2021.bib.gz
ACL="$SHARED/acl/acl-main-2015-2021.bib.gz"
if ! "$COAUTHOR" formats | grep -q "^bibtex "; then
    echo "FAIL: this build has no BibTeX reader"
    exit 1
fi
fail=0
"$COAUTHOR" communities -q --timing --json "$ACL" >"$tmp/acl.json" 2>"$tmp/err"
secs=$(sed -n 's/^coauthor: leiden took \([0-9.]*\) s of CPU time .*/\1/p' "$tmp/err")
q=$(sed -n 's/^  "modularity": \([0-9.]*\),$/\1/p' "$tmp/acl.json")
k=$(sed -n 's/^  "n_communities": \([0-9]*\),$/\1/p' "$tmp/acl.json")
echo "leiden: Q $q, $k communities, $secs s"
[ -n "$secs" ] && [ -n "$q" ] && [ -n "$k" ] || { echo "FAIL: no timing or result"; cat "$tmp/err"; exit 1; }
case "$COAUTHOR" in
*/san/*) ;;
*) awk -v s="$secs" 'BEGIN {exit !(s < 1.0)}' || { echo "FAIL: leiden took $secs s"; fail=1; } ;;
esac
awk -v q="$q" -v k="$k" 'BEGIN {exit !(q > 0.80 && q < 0.83 && k > 600 && k < 800)}' ||
    { echo "FAIL: Q $q with $k communities is out of the expected range"; fail=1; }

if ! $PY -c 'import igraph' 2>/dev/null || ! "$COAUTHOR" export --help >/dev/null 2>&1; then
    echo "FAIL: the python-igraph comparison needs python3-igraph (scripts/install-deps.sh) and 'coauthor export'"
    exit 1
fi
"$COAUTHOR" export -q --to graphml -o "$tmp/acl.graphml" "$ACL"
"$COAUTHOR" communities -q --tsv "$ACL" >"$tmp/acl.tsv"
$PY - "$tmp" "$q" <<'PYEOF' || fail=1
import random, sys
import igraph as ig
tmp, q_printed = sys.argv[1], float(sys.argv[2])
g = ig.Graph.Read_GraphML(f'{tmp}/acl.graphml')
w = g.es['joint_papers']
index = {name: v for v, name in enumerate(g.vs['name'])}
membership = [None] * g.vcount()
for line in list(open(f'{tmp}/acl.tsv'))[1:]:
    author, community = line.rstrip('\n').split('\t')
    membership[index[author]] = int(community)
assert None not in membership
q_ours = g.modularity(membership, weights=w)
fail = 0
if abs(q_ours - q_printed) > 1e-6:
    print(f'FAIL: coauthor prints Q {q_printed}, its partition has {q_ours:.6f}')
    fail = 1
# python-igraph 0.10.2's n_iterations=-1 stops after one iteration; 2 is its default
for iterations in (2, 10):
    random.seed(1)
    theirs = g.community_leiden(objective_function='modularity', weights=w, n_iterations=iterations)
    q_theirs = g.modularity(theirs.membership, weights=w)
    print(f'python-igraph leiden, {iterations} iterations: Q {q_theirs:.4f}, {len(theirs)} communities; '
          f'coauthor: Q {q_ours:.4f}, {max(membership) + 1} communities')
    if abs(q_theirs - q_ours) > 0.01:
        print('FAIL: more than 0.01 apart')
        fail = 1
sys.exit(fail)
PYEOF
exit $fail
