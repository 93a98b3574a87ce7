#!/usr/bin/env bash
# Names with markup and script (tests/data/serve/hostile.bib) through the API:
# JSON that parses back to the same text, SVG where they are escaped, and
# the closest names of a 404 escaped too.
cd "$(dirname "$0")/../.."
. tests/serve/lib.sh
serve_start tests/data/serve/hostile.bib
expect 200 "/api/authors?q=mallory"
json 'j["authors"][0]["name"] == "Mallory <img src=x onerror=alert(1)>"' || fail "the name as text in JSON"
mallory=$(jval 'j["authors"][0]["id"]')
expect 200 "/api/authors?q=trudy"
json 'j["authors"][0]["name"] == "Trudy </script><script>alert(4)</script>"' || fail "a closing script tag in JSON"
trudy=$(jval 'j["authors"][0]["id"]')
expect 200 "/api/author/$mallory?with=Alice%20Benign"
json 'j["rows"][0]["papers"][0]["title"].startswith("On <script>alert(")' || fail "a title in JSON"
expect 200 "/api/ego/$mallory.svg"
grep -q '<img' "$out/body" && fail "an unescaped <img in the SVG"
grep -q 'Mallory &lt;img src=x onerror=alert(1)&gt;' "$out/body" || fail "the escaped name in the SVG"
expect 200 "/api/ego/$trudy.svg"
grep -q '<script' "$out/body" && fail "a script element in the SVG"
/usr/bin/python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$out/body" || fail "the SVG is not well-formed XML"
expect 404 "/api/author/Mallory%20%3Cimg%20src=y%20onerror=alert(1)%3E"
json 'any(c["name"] == "Mallory <img src=x onerror=alert(1)>" for c in j["candidates"])' || fail "404 candidates as text"
expect 200 "/api/path?from=$trudy&to=$mallory"
json 'j["length"] == 2 and j["chains"][0]["authors"][0].startswith("Trudy </script>")' || fail "a chain of hostile names"
expect 200 "/api/path/network?from=$trudy&to=$mallory"
json 'any(n["name"] == "Mallory <img src=x onerror=alert(1)>" for n in j["network"]["nodes"])' ||
    fail "hostile names in the chain's network, as JSON strings"
echo "serve-hostile: ok"
