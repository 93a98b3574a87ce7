"""Writes src/cli/coauthor.1 from scripts/coauthor.1.in and the program's
own help texts, so the man page cannot drift from --help.  Each command's
--help is printed from its option table (src/cli/options.c), so the
tables are the one source of the options, their help and the man page.

    python3 scripts/make-man.py [COAUTHOR] [--check]
"""
import re
import subprocess
import sys

def roff_escape(line):
    line = line.replace("\\", "\\e")
    if line.startswith((".", "'")):
        line = "\\&" + line
    return line.replace("-", "\\-")

def main():
    args = [a for a in sys.argv[1:] if a != "--check"]
    binary = args[0] if args else "build/coauthor"
    check = "--check" in sys.argv
    template = open("scripts/coauthor.1.in", encoding="utf-8").read()
    listing = subprocess.run([binary, "help"], capture_output=True, text=True, check=True).stdout
    commands = re.findall(r"^  (\w+)\s{2,}(.*)$", listing, re.M)
    parts = []
    for name, summary in commands:
        if name in ("help", "version"):
            continue
        text = subprocess.run([binary, name, "--help"], capture_output=True, text=True).stdout
        # the shared options and exit statuses have their own sections
        text = text.split("\nInput and selection (every command):")[0].rstrip()
        text = text.split("\nExit status:")[0].rstrip()
        parts.append(f".SS {name}\n{roff_escape(summary)}.\n.PP\n.nf\n" +
                     "\n".join(roff_escape(l) for l in text.split("\n")) + "\n.fi\n")
    common = subprocess.run([binary, "stats", "--help"], capture_output=True, text=True).stdout
    common = "Input and selection (every command):" + common.split("\nInput and selection (every command):")[1]
    common = common.split("\nExit status:")[0].rstrip()
    page = template.replace("@COMMANDS@", "".join(parts)).replace(
        "@COMMON@", ".nf\n" + "\n".join(roff_escape(l) for l in common.split("\n")) + "\n.fi\n")
    if check:
        if open("src/cli/coauthor.1", encoding="utf-8").read() != page:
            print("src/cli/coauthor.1 is out of date: run python3 scripts/make-man.py")
            return 1
        print("man page matches the help texts")
        return 0
    open("src/cli/coauthor.1", "w", encoding="utf-8").write(page)
    return 0

if __name__ == "__main__":
    sys.exit(main())
