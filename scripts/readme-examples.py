"""Checks or rewrites the examples in README.md.

An example is a ```console block: lines starting with "$ " are commands,
run from the repository root; the lines after each are what it prints
(stderr first, then stdout, as a terminal shows them for coauthor, which
reports while reading and prints its results at the end).

    python3 scripts/readme-examples.py check [COAUTHOR]
    python3 scripts/readme-examples.py update [COAUTHOR]
"""
import os
import re
import subprocess
import sys

BLOCK = re.compile(r"(```console\n)(.*?)(```)", re.S)


def run(cmd, binary):
    if cmd.startswith("build/coauthor"):
        cmd = binary + cmd[len("build/coauthor"):]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795651200", LC_ALL="C.UTF-8")
    p = subprocess.run(["bash", "-c", cmd], capture_output=True, env=env)
    return (p.stderr + p.stdout).decode("utf-8", "replace")


def render(block, binary):
    out = []
    for line in block.split("\n"):
        if line.startswith("$ "):
            out.append(line)
            out.append(run(line[2:], binary).rstrip("\n"))
    return "\n".join(x for x in out if x != "") + "\n"


def main():
    mode = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else "build/coauthor"
    text = open("README.md", encoding="utf-8").read()
    new = BLOCK.sub(lambda m: m.group(1) + render(m.group(2), binary) + m.group(3), text)
    if mode == "update":
        open("README.md", "w", encoding="utf-8").write(new)
        return 0
    if new != text:
        import difflib
        sys.stdout.writelines(difflib.unified_diff(text.splitlines(True), new.splitlines(True),
                                                   "README.md", "what the tool prints"))
        return 1
    print("README examples match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
