"""Writes pathological profile listings to standard output, for the
resource-limit tests and measurements (issue 10).

  make-pathological.py wide N      one paper with N distinct authors
  make-pathological.py many N [K]  N distinct authors, K per paper (default 10),
                                   so N/K papers and N authorships

Author names are short ("Xbcd Y") so that even 100,000 of them fit in one
line under the 1 MiB line limit."""
import sys


def name(i):
    # "Xbcd Y": letters only, a distinct match key each, 9 bytes with ", "
    letters = ""
    while True:
        letters = chr(ord("a") + i % 26) + letters
        i //= 26
        if i == 0:
            break
    return "X%s Y" % letters


def entry(out, day, title, names):
    out.write("CLJan %d, 2020\n\n%s\n\n%s\n\nAbstract.\n\n" % (day, title, ", ".join(names)))


def main():
    mode, n = sys.argv[1], int(sys.argv[2])
    out = sys.stdout
    out.write("Xa Y\n\nCL\n1papers\n\n")
    if mode == "wide":
        entry(out, 1, "One Paper With Very Many Authors", (name(i) for i in range(n)))
    elif mode == "many":
        k = int(sys.argv[3]) if len(sys.argv) > 3 else 10
        for p in range(n // k):
            entry(out, p % 28 + 1, "Paper %d" % p, (name(p * k + j) for j in range(k)))
    else:
        sys.exit("usage: make-pathological.py wide|many N [K]")


main()
