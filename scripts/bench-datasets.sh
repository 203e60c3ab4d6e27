#!/usr/bin/env bash
# `watchlist facts import`, measured: IMDb's five dataset files generated at their real size and
# proportions (scripts/make-imdb-datasets.sh: 11.4 million titles), a diary of FILMS films made
# from a Letterboxd diary of some of them (no ids: every film is matched by title and year).
# Side by side (hyperfine): `gzip -dc` of the five files to /dev/null (the cost of reading them
# at all), `facts import --dry-run` (every file read, every fact written, then rolled back), and
# sqlite3 loading title.basics (unpacked by gzip) into a table and joining it with the diary's
# titles and years (the same matching without folding, rules or the other files). Peak memory
# of a run and of a run on title.basics alone (GNU time).
# Usage: scripts/bench-datasets.sh [path/to/watchlist] [TITLES] [FILMS] [FOLDER]
#        (defaults: release build, 11400000, 10000, a temporary folder; an existing FOLDER is reused)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }
bin=${1:-}
if [ -z "$bin" ]; then
    swift build -c release --static-swift-stdlib >/dev/null
    bin=.build/release/watchlist
fi
bin=$(realpath "$bin")
titles=${2:-11400000}
films=${3:-10000}
folder=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$folder" ]; then folder="$work/datasets"; fi
[ -f "$folder/title.basics.tsv.gz" ] || scripts/make-imdb-datasets.sh "$folder" "$titles" "$films"
export WATCHLIST_NOW=2026-11-26T12:00:00Z
mkdir -p "$work/files"
for f in title.basics title.akas title.crew name.basics title.ratings; do ln -sf "$(realpath "$folder/$f.tsv.gz")" "$work/files/$f.tsv.gz"; done
"$bin" --db "$work/diary.sqlite" import "$folder/diary.csv" --add-missing >/dev/null 2>&1
echo "## Files"
for f in "$work"/files/*.gz; do printf '%s: %s rows, %.1f MiB gzipped\n' "$(basename "$f")" "$(gzip -dc "$f" | wc -l)" "$(stat -L -c %s "$f" | awk '{ print $1 / 1048576 }')"; done
echo "## Peak memory"
/usr/bin/time -f "facts import (5 files) --dry-run: %e s, peak %M KB" "$bin" --db "$work/diary.sqlite" facts import "$work/files" --dry-run 2>&1 >/dev/null | tail -1
/usr/bin/time -f "facts import title.basics --dry-run: %e s, peak %M KB" "$bin" --db "$work/diary.sqlite" facts import "$work/files/title.basics.tsv.gz" --dry-run 2>&1 >/dev/null | tail -1
"$bin" --db "$work/diary.sqlite" facts import "$work/files" --dry-run --json | python3 -c '
import json, sys
r = json.load(sys.stdin)
print("matched by id %d, by title %d, ambiguous %d, not found %d; facts %d" % (r["matchedById"], len(r["matchedByTitle"]), len(r["ambiguous"]), len(r["notFound"]), r["factsAdded"]))'
# sqlite3 reads the unpacked title.basics from its standard input (.import makes the table from
# the header line), then joins it with the diary's films by title and year.
join="ATTACH '$work/diary.sqlite' AS diary; SELECT count(*) FROM diary.film f JOIN basics b ON b.primaryTitle = f.title AND b.startYear = f.year;"
echo "## Time (hyperfine, 3 runs each)"
hyperfine --style basic --warmup 1 --runs 3 \
    -n "gzip -dc (5 files)" "gzip -dc $work/files/*.gz > /dev/null" \
    -n "facts import (5 files) --dry-run" "$bin --db $work/diary.sqlite facts import $work/files --dry-run 2>/dev/null" \
    -n "gzip -dc title.basics" "gzip -dc $work/files/title.basics.tsv.gz > /dev/null" \
    -n "facts import title.basics --dry-run" "$bin --db $work/diary.sqlite facts import $work/files/title.basics.tsv.gz --dry-run 2>/dev/null" \
    -n "sqlite3: load title.basics, join the diary" "gzip -dc $work/files/title.basics.tsv.gz | sqlite3 :memory: -cmd '.mode tabs' -cmd '.import /dev/stdin basics' \"$join\" > /dev/null"
