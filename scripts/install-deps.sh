#!/bin/sh
# Install the Debian packages coauthor needs to build, test and benchmark.
# As root it runs apt-get; otherwise it prints the exact command to run.
# Only packages that are missing are installed, so a second run is quick.
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
clang libclang-rt-14-dev"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ "${1:-}" = "--check" ]; then
    [ -z "$missing" ] && exit 0
    echo "install-deps: missing:$missing"
    exit 1
fi

if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    exit 0
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
