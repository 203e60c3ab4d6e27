#!/usr/bin/env bash
# Makes docs/html-export.png, docs/html-export-phone.png, docs/year-in-review.png and
# docs/year-in-review-phone.png: a small diary exported with `export --format html` (and
# `--year 2025`), rendered by headless Chromium (Debian's chromium package) in a window
# 1200 pixels wide and in one 400 pixels wide, as on a phone.
# Usage: scripts/screenshot-html.sh [path/to/watchlist]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/debug/watchlist}")
command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
w() { "$bin" --db "$work/diary.sqlite" "$@" >/dev/null; }
w watch ascent --on 2024-01-12
w watch ascent --on 2025-02-02
w rate ascent 5
w note ascent "Shepitko's winter: the most unbearable snow in cinema."
w tag ascent war winter
w watch "red tent" --on 2025-03-09
w rate "red tent" 3.5
w tag "red tent" arctic
w watch flight --on unknown --rewatch
w rate "white sun" 4
w note "white sun" "Watch again with friends: everybody quotes it."
"$bin" --db "$work/diary.sqlite" export --format html --output "$work/diary.html"
# shot PAGE NAME: the page at 1200 pixels as docs/NAME.png, at 400 as docs/NAME-phone.png.
shot() {
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/chromium" \
        --window-size=1200,1300 --screenshot="$PWD/docs/$2.png" "file://$work/$1" 2>/dev/null
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/chromium" \
        --window-size=400,1400 --screenshot="$PWD/docs/$2-phone.png" "file://$work/$1" 2>/dev/null
    echo "wrote docs/$2.png and docs/$2-phone.png"
}
shot diary.html html-export

# The year in review of the same diary, with facts for its films.
w film set ascent --director "Larisa Shepitko" --runtime 111 --genre Drama --genre War --country "Soviet Union"
w film set "red tent" --director "Mikhail Kalatozov" --runtime 158 --genre Adventure --genre Drama --country "Soviet Union" --country Italy
w film set "white sun" --director "Vladimir Motyl" --runtime 84 --genre Adventure --genre Comedy --country "Soviet Union"
w watch "white sun" --on 2025-12-31
w watch "white sun" --on 2025-06-01
"$bin" --db "$work/diary.sqlite" export --format html --year 2025 --output "$work/review.html"
shot review.html year-in-review
