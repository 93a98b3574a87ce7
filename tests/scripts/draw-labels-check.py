#!/usr/bin/python3
"""Checks the labels of a laid-out DOT from coauthor draw (-o X.dot).

    draw-labels-check.py PICTURE.dot [--placed-at-least N]

A label is a node of class "label" whose 'author' attribute names its
author's node; a leader line is an edge of class "leader" between the two.
Checks that the 5 authors with the largest size (papers, from the node
tooltips "NAME: N papers[, MEASURE X]"; ties by name, as coauthor orders
them) are labelled; that every label is within one label height of its
author's disc, or joined to it by a leader line; that no label overlaps
another, or covers the disc of a labelled author; that no two nodes
overlap (some may have been moved out of an important label's way).
Prints one line:
authors, labels, leaders, the largest gap in label heights.
"""
import math
import re
import sys

NAME = r'"(?:[^"\\]|\\.)*"|[\w.]+'
STMT = re.compile(r'(?<=\n)\t(' + NAME + r')(?:\s*--\s*(' + NAME + r'))?\s*\[(.*?)\];(?=\n)', re.S)
ATTR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|<.*?>|[^,\s\]]+)', re.S)


def unquote(s):
    if s.startswith('"'):
        s = s[1:-1]
    return s.replace('\\"', '"').replace("\\\n", "")


def main():
    path = sys.argv[1]
    at_least = int(sys.argv[sys.argv.index("--placed-at-least") + 1]) if "--placed-at-least" in sys.argv else 0
    text = open(path, encoding="utf-8").read()
    nodes, edges = {}, []
    for m in STMT.finditer(text):
        a, b, body = unquote(m.group(1)), m.group(2), m.group(3)
        attrs = {k: unquote(v) for k, v in ATTR.findall(body)}
        if b is not None:
            edges.append((a, unquote(b), attrs))
        elif a not in ("graph", "node", "edge"):
            nodes[a] = attrs
    labels = {k: v for k, v in nodes.items() if v.get("class") == "label"}
    authors = {k: v for k, v in nodes.items() if v.get("class") != "label"}
    assert authors and labels, (len(authors), len(labels))

    def size(name):
        tip = authors[name].get("tooltip", "")
        m = re.match(r".*: (\d+) papers?(?:, \w+ ([-\d.e+]+))?$", tip, re.S)
        assert m, tip
        return float(m.group(2)) if m.group(2) else float(m.group(1))

    top = sorted(authors, key=lambda n: (-size(n), n.encode()))[:5]
    labelled = {v["author"]: k for k, v in labels.items()}
    missing = [n for n in top if n not in labelled]
    assert not missing, f"top authors without a label: {missing}"
    leaders = {frozenset((a, b)) for a, b, attrs in edges if attrs.get("class") == "leader"}

    def xy(d):
        x, y = d["pos"].split(",")[:2]
        return float(x), float(y.rstrip("!"))

    def box(d, inset=1.0):
        x, y = xy(d)
        w, h = float(d["width"]) * 72, float(d["height"]) * 72
        return x - w / 2 + inset, y - h / 2 + inset, x + w / 2 - inset, y + h / 2 - inset

    def gap(b, d):
        x, y = xy(d)
        cx, cy = min(max(x, b[0]), b[2]), min(max(y, b[1]), b[3])
        return math.hypot(x - cx, y - cy) - float(d["width"]) * 36

    worst, n_leaders = 0.0, 0
    for k, d in labels.items():
        owner = authors[d["author"]]
        b = box(d, 0)
        h = float(d["height"]) * 72
        if frozenset((k, d["author"])) in leaders:
            n_leaders += 1
        else:
            g = gap(b, owner) / h
            assert g <= 1.0, f"label {d['author']!r} is {g:.2f} label heights from its node, with no leader line"
            worst = max(worst, g)
        inner = box(d)
        for k2, d2 in labels.items():
            o = box(d2)
            assert k2 == k or not (inner[0] < o[2] and o[0] < inner[2] and inner[1] < o[3] and o[1] < inner[3]), \
                f"labels {d['author']!r} and {d2['author']!r} overlap"
        for name in labelled:
            assert gap(inner, authors[name]) >= 0, f"label {d['author']!r} covers the node of {name!r}"
    # no two nodes overlap: a node moved out of a label's way lands clear
    discs = sorted((xy(d)[0], xy(d)[1], float(d["width"]) * 36, n) for n, d in authors.items())
    rmax = max(r for _, _, r, _ in discs)
    for i, (x, y, r, n) in enumerate(discs):
        for x2, y2, r2, n2 in discs[i + 1:]:
            if x2 - x > r + rmax:
                break
            assert math.hypot(x2 - x, y2 - y) >= r + r2 - 1, f"nodes {n!r} and {n2!r} overlap"
    assert len(labels) >= at_least, f"{len(labels)} labels placed, fewer than {at_least}"
    print(f"{len(authors)} authors, {len(labels)} labels ({n_leaders} with a leader line), top 5 labelled, "
          f"largest gap {worst:.2f} label heights")


main()
