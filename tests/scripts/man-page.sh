#!/usr/bin/env bash
# The man page carries every command's current --help (scripts/make-man.py).
set -eu
/usr/bin/python3 scripts/make-man.py "${COAUTHOR:-build/coauthor}" --check
