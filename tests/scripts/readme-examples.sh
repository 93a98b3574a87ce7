#!/usr/bin/env bash
# The README's examples are what the tool prints today.
set -eu
/usr/bin/python3 scripts/readme-examples.py check "${COAUTHOR:-build/coauthor}"
