#!/usr/bin/env bash
# A real history: the aguitov Letterboxd export (../shared/fixtures/real-exports, 3,500 films,
# 84 lists) imported with --add-missing, then `list`, `list --json` and the exports timed by
# hyperfine (medians of 20 runs), each build given side by side with sqlite3 reading the same
# rows: the list's query in -column and -json form, and every row an export reads.
# Usage: scripts/bench-history.sh [BINARY...]   (default: the release build of this checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }
export_folder=../shared/fixtures/real-exports/letterboxd-aguitov-2026
[ -d "$export_folder" ] || { echo "bench-history: $export_folder is not here" >&2; exit 66; }
if [ $# -eq 0 ]; then
    swift build -c release --static-swift-stdlib >/dev/null
    set -- "$(swift build -c release --static-swift-stdlib --show-bin-path)/watchlist"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/history.sqlite"
"$1" --db "$db" import "$export_folder" --add-missing >/dev/null 2>&1
list_query="SELECT f.id, f.title, f.year, (SELECT count(*) FROM viewing v WHERE v.filmId = f.id),
  (SELECT max(watchedOn) FROM viewing v WHERE v.filmId = f.id), r.halfStars,
  (SELECT count(*) FROM note n WHERE n.filmId = f.id), (SELECT group_concat(tag, ', ') FROM filmTag t WHERE t.filmId = f.id)
  FROM film f LEFT JOIN rating r ON r.filmId = f.id ORDER BY f.id"
export_query="SELECT * FROM film; SELECT * FROM viewing ORDER BY filmId; SELECT * FROM rating; SELECT * FROM note ORDER BY filmId;
  SELECT * FROM filmTag ORDER BY filmId; SELECT * FROM collectionFilm ORDER BY collectionId; SELECT * FROM filmFact ORDER BY filmId"
arguments=()
# add NAME COMMAND: one command for hyperfine, named in the table.
add() { arguments+=(-n "$1" "$2"); }
for binary in "$@"; do
    name=$(basename "$binary")
    add "$name list" "$binary --db $db list"
    add "$name list (fitted to 100 columns)" "env COLUMNS=100 $binary --db $db list"
    add "$name list --json" "$binary --db $db list --json"
    add "$name export --format json" "$binary --db $db export --format json"
    add "$name export --format markdown" "$binary --db $db export --format markdown"
    add "$name export --format html" "$binary --db $db export --format html"
done
add "sqlite3 -column (the list's query)" "sqlite3 -column $db \"$list_query\""
add "sqlite3 -json (the list's query)" "sqlite3 -json $db \"$list_query\""
add "sqlite3 -json (every row an export reads)" "sqlite3 -json $db \"$export_query\""
hyperfine -N --warmup 3 --runs "${BENCH_RUNS:-20}" --export-json "$work/results.json" "${arguments[@]}" >/dev/null
python3 - "$work/results.json" <<'PY'
import json, sys
for result in json.load(open(sys.argv[1]))["results"]:
    print(f"| `{result['command']}` | {result['median'] * 1000:.1f} ms | {result['stddev'] * 1000:.1f} ms |")
PY
