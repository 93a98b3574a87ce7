#!/usr/bin/python3
"""The benchmark corpus as JSON: PREFIX.xml (scripts/gen-corpus.py's DBLP
XML) rewritten as OpenAlex works in JSON Lines (PREFIX.openalex.jsonl) and
as one CSL-JSON array (PREFIX.csl.json), so that the JSON readers are timed
on the same papers and authors as the XML and BibTeX readers.

    json_corpus.py PREFIX

OpenAlex works have the fields a real snapshot line has most of the bytes
in (ids, doi, title and display_name, publication year and date,
primary_location.source, authorships with author {id, display_name, orcid},
raw_author_name, institutions, countries), one work a line, as the
snapshot and `jq -c` write them.  The CSL-JSON array is tab-indented, as
Zotero's "CSL JSON" export writes it (its real files are mostly white
space and keys).  Deterministic: the same XML gives the same bytes.
"""
import json
import os
import re
import sys
from xml.parsers import expat

RECORDS = {"article", "inproceedings", "proceedings", "book", "incollection", "phdthesis", "mastersthesis"}
HOMONYM = re.compile(r" \d{4}$")


def records(path):
    """(key, kind, authors, title, year, venue, doi) for each record."""
    directory = os.path.dirname(os.path.abspath(path))
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE)

    def external(context, base, system_id, public_id):
        sub = parser.ExternalEntityParserCreate(context)
        with open(os.path.join(directory, system_id), "rb") as f:
            sub.ParseFile(f)
        return 1

    parser.ExternalEntityRefHandler = external
    out = []
    st = {"depth": 0, "rec": None, "field": None}
    text = []

    def start(name, attrs):
        st["depth"] += 1
        if st["depth"] == 2 and name in RECORDS:
            st["rec"] = {"key": attrs.get("key", ""), "kind": name, "authors": [], "title": "", "year": 0,
                         "venue": "", "doi": ""}
        elif st["depth"] == 3 and st["rec"] is not None:
            st["field"] = name
            text.clear()

    def end(name):
        d = st["depth"]
        st["depth"] = d - 1
        rec = st["rec"]
        if d == 3 and rec is not None and st["field"] == name:
            s = "".join(text).strip()
            if name == "author":
                rec["authors"].append(s)
            elif name == "title":
                rec["title"] = s
            elif name == "year" and s.isdigit():
                rec["year"] = int(s)
            elif name in ("journal", "booktitle"):
                rec["venue"] = s
            elif name == "ee" and s.startswith("https://doi.org/"):
                rec["doi"] = s[len("https://doi.org/"):]
            st["field"] = None
        elif d == 2 and rec is not None:
            out.append(rec)
            st["rec"] = None

    def chars(data):
        if st["field"]:
            text.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    with open(path, "rb") as f:
        parser.ParseFile(f)
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: json_corpus.py PREFIX")
    prefix = sys.argv[1]
    recs = records(prefix + ".xml")
    ids = {}
    with open(prefix + ".openalex.jsonl.tmp", "w", encoding="utf-8", newline="\n") as f:
        for i, r in enumerate(recs):
            authorships = []
            n = len(r["authors"])
            for k, a in enumerate(r["authors"]):
                aid = ids.setdefault(a, len(ids) + 5000000000)
                name = HOMONYM.sub("", a)
                authorships.append({
                    "author_position": "first" if k == 0 else "last" if k == n - 1 else "middle",
                    "author": {"id": "https://openalex.org/A%d" % aid, "display_name": name, "orcid": None},
                    "institutions": [], "countries": [], "is_corresponding": k == 0,
                    "raw_author_name": name, "raw_affiliation_strings": []})
            work = {
                "id": "https://openalex.org/W%d" % (4000000000 + i),
                "doi": "https://doi.org/" + r["doi"] if r["doi"] else None,
                "title": r["title"], "display_name": r["title"],
                "publication_year": r["year"], "publication_date": "%d-01-01" % r["year"],
                "ids": {"openalex": "https://openalex.org/W%d" % (4000000000 + i)},
                "type": "article",
                "primary_location": {"is_oa": False, "source": {
                    "id": "https://openalex.org/S%d" % (sum(map(ord, r["venue"])) % 100000),
                    "display_name": r["venue"], "type": "journal" if r["kind"] == "article" else "conference"}},
                "authorships": authorships,
                "cited_by_count": i % 37,
            }
            f.write(json.dumps(work, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")
    os.replace(prefix + ".openalex.jsonl.tmp", prefix + ".openalex.jsonl")
    items = []
    for i, r in enumerate(recs):
        authors = []
        for a in r["authors"]:
            parts = HOMONYM.sub("", a).rsplit(" ", 1)
            authors.append({"family": parts[-1], "given": parts[0]} if len(parts) == 2 else {"literal": parts[0]})
        item = {"id": "http://zotero.org/users/local/bench/items/%08X" % i,
                "type": "article-journal" if r["kind"] == "article" else "paper-conference",
                "container-title": r["venue"], "title": r["title"], "author": authors,
                "issued": {"date-parts": [[str(r["year"])]]}}
        if r["doi"]:
            item["DOI"] = r["doi"]
        items.append(item)
    with open(prefix + ".csl.json.tmp", "w", encoding="utf-8", newline="\n") as f:
        json.dump(items, f, ensure_ascii=False, indent="\t")
        f.write("\n")
    os.replace(prefix + ".csl.json.tmp", prefix + ".csl.json")
    print("%s: %d works as OpenAlex JSONL and CSL-JSON" % (prefix, len(recs)), file=sys.stderr)


if __name__ == "__main__":
    main()
