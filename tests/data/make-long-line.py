"""Writes a profile listing whose third entry has a 10 MB abstract line."""
import sys

out = sys.stdout
out.write("Test Owner\n\nCL\n3papers\n\n")
entries = [
    ("CLJan 5, 2020", "First Paper", "Test Owner, Ann Able", "short"),
    ("CLFeb 6, 2021", "Second Paper", "Bob Baker, Test Owner", "short"),
    ("CLMar 7, 2022", "Third Paper, Huge Abstract", "Cy Cole et al.", "x" * (10 * 1024 * 1024)),
    ("CLApr 8, 2023", "Fourth Paper", "Ann Able, Bob Baker", "short"),
]
for header, title, authors, abstract in entries:
    out.write(f"{header}\n\n{title}\n\n{authors}\n\n{abstract}\n\n")
