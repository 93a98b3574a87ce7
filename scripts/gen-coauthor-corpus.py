#!/usr/bin/env python3
"""Writes a synthetic publication list in the profile listing format, for
benchmarks that need a network larger than the shipped data (for example,
sampled betweenness on more than 100,000 authors).

    scripts/gen-coauthor-corpus.py --authors 150000 --papers 200000 --seed 1 > big.txt

The model is deliberately simple but has what matters for coauthor
networks: authors belong to groups of about --group people; a paper has a
lead author chosen in proportion to their papers so far (preferential
attachment, so productive authors emerge) and 1 to 7 coauthors, most from
the lead's group and some from anywhere (which joins the groups into a
giant component).  Repeated pairs give edges of several joint papers.
The output is fully determined by the arguments.
"""
import argparse
import random
import sys

CONSONANTS = "bcdfghjklmnprstvz"
VOWELS = "aeiou"
SYLLABLES = [c + v for c in CONSONANTS for v in VOWELS]  # 85


def word(n, min_syllables=2):
    parts = []
    while n or len(parts) < min_syllables:
        parts.append(SYLLABLES[n % len(SYLLABLES)])
        n //= len(SYLLABLES)
    return "".join(parts).capitalize()


def name(i):
    # (i mod 997, i div 997) is unique for every i, so names are too
    return f"{word(i % 997)} {word(i // 997, 3)}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--authors", type=int, default=150000)
    ap.add_argument("--papers", type=int, default=200000)
    ap.add_argument("--group", type=int, default=40)
    ap.add_argument("--outside", type=float, default=0.15, help="share of coauthors from outside the group")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    n = args.authors
    # every author appears once in 'pool' at the start and once more per
    # paper, so a uniform draw from it is preferential attachment
    pool = list(range(n))
    out = sys.stdout
    out.write(f"{name(0)}\n\nCL\n{args.papers}papers\n\n")
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    for p in range(args.papers):
        lead = rnd.choice(pool)
        group = lead // args.group
        k = 1 + min(int(rnd.expovariate(0.6)), 6)
        authors = [lead]
        while len(authors) < k + 1:
            if rnd.random() < args.outside:
                a = rnd.choice(pool)
            else:
                a = min(group * args.group + rnd.randrange(args.group), n - 1)
            if a not in authors:
                authors.append(a)
        pool.extend(authors)
        year = 1990 + rnd.randrange(35)
        out.write(f"CL{months[rnd.randrange(12)]} {1 + rnd.randrange(28)}, {year}\n\n")
        out.write(f"Synthetic paper number {p + 1}\n\n")
        out.write(", ".join(name(a) for a in authors) + "\n\n")
        out.write("No abstract.\n\n")


if __name__ == "__main__":
    main()
