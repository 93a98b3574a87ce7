#!/bin/sh
# Install the Debian packages coauthor needs to build, test and benchmark.
# As root it runs apt-get; otherwise it prints the exact command to run.
# Only packages that are missing are installed, so a second run is quick.
# coauthor serve needs libmicrohttpd-dev, and xxd to embed its page; its
# tests drive Debian's chromium (through playwright-core from npm) and its
# load test runs wrk.  The page's graph library and playwright-core come
# from the npm registry at the versions and integrity hashes of
# web/package-lock.json ('npm ci' below, once, with the machine's node).
# texlive-bibtex-extra brings Nelson Beebe's TeX bibliographies (tugboat.bib
# and others, public domain) to /usr/share/texlive/texmf-dist/bibtex/bib/beebe/:
# the demo, the README's examples and graphs/ use them.
set -eu

PACKAGES="build-essential pkg-config
libigraph-dev libglpk-dev libgraphviz-dev graphviz
libbibutils-dev libutf8proc-dev zlib1g-dev libxml2-dev libjansson-dev
libcmocka-dev
python3 python3-networkx python3-igraph
python3-scipy time bsdutils libsqlite3-dev strace
texlive-bibtex-extra
python3-dask python3-distributed python3-pandas
clang libclang-rt-14-dev
libmicrohttpd-dev xxd chromium wrk"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

web=$(dirname "$0")/../web
npm_ready() { [ -f "$web/node_modules/cytoscape/dist/cytoscape.min.js" ] && [ -d "$web/node_modules/playwright-core" ]; }
npm_install() {
    npm_ready && return 0
    if ! command -v npm >/dev/null; then
        echo "install-deps: npm not found: install Node.js and npm, then run 'npm ci' in web/"
        return 1
    fi
    (cd "$web" && npm ci --no-audit --no-fund)
}

if [ "${1:-}" = "--check" ]; then
    if [ -z "$missing" ] && npm_ready; then exit 0; fi
    echo "install-deps: missing:$missing$(npm_ready || echo ' web/node_modules (npm ci)')"
    exit 1
fi

if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    npm_install
    exit
fi

echo "install-deps: missing:$missing"
if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: not root; run:"
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$missing"
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
npm_install
