#!/bin/sh
# Remake the committed screenshots of the live page: run its browser tests (which save their
# screenshots under $TMPDIR/newsflow-test-artifacts/) and copy those into docs/screenshots/.
# Needs what the tests need: make browser-deps (as root), make vendor, a Postgres.
#   sh docs/screenshots/update.sh
set -eu
cd "$(dirname "$0")/../.."
artifacts="${TMPDIR:-/tmp}/newsflow-test-artifacts"
rm -f "$artifacts"/*.png
.venv/bin/python -m pytest -q -p no:cacheprovider tests/e2e/test_live_page.py tests/e2e/test_analyst_view.py
cp "$artifacts/live-page.png" docs/screenshots/live-page.png
cp "$artifacts/analyst-map.png" docs/screenshots/map.png
cp "$artifacts/analyst-timeline.png" docs/screenshots/timeline.png
cp "$artifacts/analyst-filtered.png" docs/screenshots/filtered.png
echo "docs/screenshots/: live-page.png map.png timeline.png filtered.png"
