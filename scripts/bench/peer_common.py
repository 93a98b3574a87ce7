"""What both peer scripts share: reading DBLP XML as a careful Python user
would (expat, streaming, with the entities of dblp.dtd resolved), and the
benchmark's choices (sample sizes, seeds) so that the peers do the same
work as coauthor.

Only the standard library here; the graph libraries are imported by the
peer scripts themselves.
"""
import gzip
import os
import random
import sys
import time
import xml.parsers.expat as expat

# the same constants as include/coauthor/stats.h
EXACT_DISTANCE_LIMIT = 20000
DISTANCE_SAMPLE = 500
SEED = 1

RECORDS = {"article", "inproceedings", "proceedings", "book", "incollection", "phdthesis",
           "mastersthesis", "www", "data"}

TIMINGS = []


def phase(label, t0):
    """Records the time since t0 under label; returns a new t0."""
    t = time.perf_counter()
    TIMINGS.append((label, t - t0))
    return t


def print_timings():
    print("timings: " + ", ".join("%s %.2f s" % (k, v) for k, v in TIMINGS), file=sys.stderr)


def read_dblp(path):
    """Returns [(authors, year)] for every record with authors; 'www'
    person records are not papers and are left out."""
    papers = []
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
    state = {"depth": 0, "kind": None, "authors": None, "year": 0, "text": None}
    text = []

    def start(name, attrs):
        state["depth"] += 1
        if state["depth"] == 2 and name in RECORDS:
            state["kind"] = name
            state["authors"] = []
            state["year"] = 0
        elif state["depth"] == 3 and state["kind"] and name in ("author", "year"):
            text.clear()
            state["text"] = name

    def end(name):
        d = state["depth"]
        state["depth"] = d - 1
        if d == 3 and state["text"] == name:
            s = "".join(text).strip()
            if name == "author":
                if s and s not in state["authors"]:
                    state["authors"].append(s)
            elif s.isdigit():
                state["year"] = int(s)
            state["text"] = None
        elif d == 2 and state["kind"]:
            if state["kind"] != "www" and state["authors"]:
                papers.append((state["authors"], state["year"]))
            state["kind"] = None

    def chars(data):
        if state["text"]:
            text.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        parser.ParseFile(f)
    return papers


def edge_weights(papers):
    """Coauthor pairs: {(a, b): [joint_papers, fractional, first_year, last_year]}
    with a < b by name, and every author's name.  Fractional is Newman's
    weight, the sum over joint papers of 1/(n-1)."""
    pairs = {}
    names = set()
    for authors, year in papers:
        names.update(authors)
        n = len(authors)
        if n < 2:
            continue
        frac = 1.0 / (n - 1)
        for i in range(n):
            a = authors[i]
            for j in range(i + 1, n):
                b = authors[j]
                key = (a, b) if a < b else (b, a)
                w = pairs.get(key)
                if w is None:
                    pairs[key] = [1, frac, year, year]
                else:
                    w[0] += 1
                    w[1] += frac
                    if year and (not w[2] or year < w[2]):
                        w[2] = year
                    if year > w[3]:
                        w[3] = year
    return pairs, names


def sample(population, k):
    """A seeded sample built on random() only."""
    rng = random.Random(SEED)
    pool = list(population)
    k = min(k, len(pool))
    for i in range(k):
        j = i + int(rng.random() * (len(pool) - i))
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:k]
