#!/usr/bin/env bash
# coauthor serve in a real browser (headless Debian chromium through
# playwright-core): suggestions, the ego network, a click on a node, a chain
# with its papers, hostile names shown as text with no script run.
# Screenshots go beside the binary: serve-author.png, serve-path.png,
# serve-hostile.png.
cd "$(dirname "$0")/../.."
. tests/serve/lib.sh
if [ ! -x /usr/bin/chromium ] || [ ! -d web/node_modules/playwright-core ]; then
    [ "${CI:-}" = true ] && { echo "chromium or playwright-core missing: run scripts/install-deps.sh"; exit 1; }
    echo "skipped: needs /usr/bin/chromium and web/node_modules (scripts/install-deps.sh)"
    exit 77
fi
serve_start data/ivan-titov.txt tests/data/serve/hostile.bib
shots=$(cd "$(dirname "$COAUTHOR")" && pwd)
timeout 180 node tests/serve/browser.mjs "$BASE" "$shots" || { echo "server log:"; tail -5 "$out/server.log"; exit 1; }
