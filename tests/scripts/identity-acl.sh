#!/usr/bin/env bash
# Identity measured against curated identities: the ACL Anthology resolves
# every author slot of acl-main-2015-2021 to a person (persons.tsv.gz: key,
# position, first, last, person).  For the default, --keep-apart and
# --split-homonyms, the bipartite export's authors are scored against it:
# pairwise precision, recall and F1 over pairs of author slots, and B-cubed
# (Bagga and Baldwin 1998) over slots.  Fails below the floors at the end,
# which are what the rules reach today (issue 18 gives its targets; see the
# NOTE lines for those not met, and why).
set -e
cd "$(dirname "$0")/../.."
. tests/script-lib.sh
need_shared acl/acl-main-2015-2021.bib.gz acl/acl-main-2015-2021.persons.tsv.gz
bib="$SHARED/acl/acl-main-2015-2021.bib.gz"
persons="$SHARED/acl/acl-main-2015-2021.persons.tsv.gz"
"$COAUTHOR" export -q --bipartite --to json --keep-apart "$bib" -o "$tmp/keep-apart.json"
"$COAUTHOR" export -q --bipartite --to json "$bib" -o "$tmp/default.json"
"$COAUTHOR" export -q --bipartite --to json --split-homonyms "$bib" -o "$tmp/split-homonyms.json"
"$COAUTHOR" names -q --json --limit 0 "$bib" >"$tmp/names.json"
/usr/bin/python3 - "$bib" "$persons" "$tmp" <<'PY'
import collections, gzip, json, re, sys
bib, persons, tmp = sys.argv[1:4]
# papers are exported with their DOI; the persons file names them by key
doi_key, key = {}, None
with gzip.open(bib, "rt", encoding="utf-8") as f:
    for line in f:
        m = re.match(r"@\w+\{([^,]+),", line)
        if m:
            key = m.group(1)
        m = re.match(r"\s*doi\s*=\s*\{([^}]*)\}", line)
        if m and key:
            doi_key["doi:" + m.group(1).lower()] = key
# a name written twice on one paper (D19-3036 lists "Bonin, Francesca"
# twice) is one authorship to coauthor, so the later slots move up one
truth, spellings = {}, collections.defaultdict(set)
seen, shift, repeated = set(), collections.Counter(), 0
with gzip.open(persons, "rt", encoding="utf-8") as f:
    next(f)
    for line in f:
        k, pos, first, last, person = line.rstrip("\n").split("\t")
        if (k, first, last) in seen:
            shift[k] += 1
            repeated += 1
            continue
        seen.add((k, first, last))
        truth[(k, int(pos) - shift[k])] = person
        spellings[person].add(first + " " + last)

def score(mode):
    g = json.load(open(f"{tmp}/{mode}.json"))
    name, paper = {}, {}
    for n in g["nodes"]:
        if n["type"] == "author":
            name[n["id"]] = n["name"]
        else:
            paper[n["id"]] = doi_key.get(n.get("ident", "").lower(), n.get("ident", ""))
    pred = {(paper[l["target"]], l["position"]): l["source"] for l in g["links"]}
    slots = [s for s in truth if s in pred]
    cell = collections.Counter((pred[s], truth[s]) for s in slots)
    by_author = collections.Counter(pred[s] for s in slots)
    by_person = collections.Counter(truth[s] for s in slots)
    pairs = lambda n: n * (n - 1) // 2
    tp = sum(pairs(v) for v in cell.values())
    pp = sum(pairs(v) for v in by_author.values())
    tt = sum(pairs(v) for v in by_person.values())
    P, R = tp / pp, tp / tt
    bp = sum(cell[(pred[s], truth[s])] / by_author[pred[s]] for s in slots) / len(slots)
    br = sum(cell[(pred[s], truth[s])] / by_person[truth[s]] for s in slots) / len(slots)
    authors_of = collections.defaultdict(set)
    persons_of = collections.defaultdict(set)
    for a, t in cell:
        authors_of[t].add(a)
        persons_of[a].add(t)
    several = [t for t in spellings if len(spellings[t]) > 1]
    return {
        "P": P, "R": R, "F1": 2 * P * R / (P + R), "bP": bp, "bR": br, "bF1": 2 * bp * br / (bp + br),
        "authors": len(by_author), "persons": len(by_person), "missing": len(truth) - len(slots),
        "split_several": sum(len(authors_of[t]) > 1 for t in several), "several": len(several),
        "split": {t for t in authors_of if len(authors_of[t]) > 1},
        "names": {t: sorted(name[a] for a in authors_of[t]) for t in authors_of},
    }

res = {m: score(m) for m in ("keep-apart", "default", "split-homonyms")}
print(f"{'mode':16} {'authors':>7} {'pair P':>7} {'pair R':>7} {'pair F1':>7} {'B3 P':>7} {'B3 R':>7} {'B3 F1':>7}")
for m, r in res.items():
    print(f"{m:16} {r['authors']:7} {r['P']:7.4f} {r['R']:7.4f} {r['F1']:7.4f} {r['bP']:7.4f} {r['bR']:7.4f} {r['bF1']:7.4f}")
d, s, k = res["default"], res["split-homonyms"], res["keep-apart"]
print(f"persons {d['persons']}; written several ways {d['several']}, of them still split: "
      f"keep-apart {k['split_several']}, default {d['split_several']}")
names = json.load(open(f"{tmp}/names.json"))
flagged = {h["author"] for h in names["likely_homonyms"]}
homonyms = {"Yang Liu": "yang-liu", "Fei Liu": "fei-liu", "Bo Li": "bo-li"}
split_people = {t for t in s["split"] - d["split"]}
# persons of the three names are taken apart along with their namesakes
other_split = {t for t in split_people if not spellings[t] & set(homonyms)}
listed = {frozenset((x["a"], x["b"])) for x in names["likely_splits"]}
split_listed = sum(any(frozenset((x, y)) in listed for x in d["names"][t] for y in d["names"][t] if x < y)
                   for t in d["split"] if len(spellings[t]) > 1)
# a listed pair is one person where the persons file gives its two names a
# person in common (a name may hold several people)
persons_of_name = collections.defaultdict(set)
for t, ns in d["names"].items():
    for x in ns:
        persons_of_name[x].add(t)
listed_one = sum(bool(persons_of_name[x["a"]] & persons_of_name[x["b"]]) for x in names["likely_splits"])
print(f"likely splits listed: {len(listed)} ({listed_one} one person in the persons file, "
      f"{len(names['likely_splits']) - listed_one} two); of the {d['split_several']} persons still split, "
      f"listed: {split_listed}")
print(f"slots of a name repeated on one paper, dropped: {repeated}")
print(f"likely homonyms flagged: {len(flagged)}; Yang Liu, Fei Liu, Bo Li flagged: "
      f"{sorted(n for n in homonyms if n in flagged)}")
print(f"--split-homonyms splits {len(split_people)} persons that the default keeps whole, "
      f"{len(other_split)} of them not Yang Liu, Fei Liu or Bo Li: {', '.join(sorted(other_split))}")

fail = 0
def floor(what, got, want, issue):
    global fail
    ok = got >= want
    fail += not ok
    print(("ok   " if ok else "FAIL ") + f"{what}: {got:.4f} (floor {want}; issue 18's target {issue})")
# floors: what the rules reach today, a little below, so that a change that
# loses identity fails; see the report of issue 18 for why the targets
# themselves are not reached on this file
floor("default pairwise recall", d["R"], 0.9995, ">= 0.998")
floor("default pairwise precision", d["P"], 0.9924, ">= 0.9943")
floor("default B-cubed F1", d["bF1"], 0.9973, "none")
floor("split-homonyms pairwise precision", s["P"], 0.9972, ">= 0.999")
floor("split-homonyms pairwise recall", s["R"], 0.9944, "none")
floor("keep-apart pairwise precision", k["P"], 0.9943, "none")
ok = all(n in flagged for n in homonyms)
fail += not ok
print(("ok   " if ok else "FAIL ") + "Yang Liu, Fei Liu and Bo Li are flagged as likely homonyms")
for n in homonyms:
    pieces = [t for t in res["split-homonyms"]["names"] if any(x.startswith(n + " [") for x in res["split-homonyms"]["names"][t])]
    print(f"  {n} with --split-homonyms: " + "; ".join(f"{t}: {', '.join(sorted(set(res['split-homonyms']['names'][t])))}" for t in sorted(pieces)))
ok = d["split_several"] <= 21
fail += not ok
print(("ok   " if ok else "FAIL ") + f"persons written several ways still split by default: {d['split_several']} (at most 21; issue 18's target 50)")
ok = split_listed >= 15
fail += not ok
print(("ok   " if ok else "FAIL ") + f"persons still split who are listed as likely splits: {split_listed} "
      f"(at least 15; issue 18's target all {d['split_several']})")
ok = len(listed) <= 60
fail += not ok
print(("ok   " if ok else "FAIL ") + f"likely splits listed: {len(listed)} (at most 60: the list must not flood)")
ok = len(flagged) <= 22
fail += not ok
print(("ok   " if ok else "FAIL ") + f"likely homonyms: {len(flagged)} (at most 22; issue 18's target 30)")
ok = len(other_split) <= 20
fail += not ok
print(("ok   " if ok else "FAIL ") + f"persons --split-homonyms splits that the default keeps whole, besides "
      f"Yang Liu, Fei Liu and Bo Li: {len(other_split)} (at most 20; issue 18's target 20)")
if d["P"] < 0.9943 or s["P"] < 0.999 or split_listed < d["split_several"] or len(other_split) > 20:
    print("NOTE issue 18's targets not all met.  The persons file gives two ids to spellings of one person "
          "that its curators have not linked (Eduard Hovy / Eduard H. Hovy, James / Jim Glass, Michael Lyu / "
          "Michael R. Lyu: 508 false pairs by default and with --split-homonyms), and leaves some slots of a "
          "disambiguated name on its bare id (yang-liu); without those, the default's precision would be "
          "0.9944 and --split-homonyms' 0.9993.  The rest of the default's false pairs (1,435) are one "
          "spelling of several people, which only --split-homonyms takes apart.  The persons still split and "
          "not listed have no evidence a rule could list without flooding: a given name cut short with no "
          "shared coauthor (Xiang / Xiangying Dai, Yu / Yuguang Duan; 208 such pairs here, 2 of them one "
          "person), a surname changed (Laura Wendlandt / Burdick), a six-letter surname respelled (Matthew "
          "S. Gerber / Garber), a contracted given name and a second surname (Maite Martin / Maria Teresa "
          "Martin-Valdivia), and two names on one paper (Hector Allende, Hector Allende-Cid on P18-1092)")
sys.exit(1 if fail else 0)
PY
