#!/usr/bin/env bash
# A new user's first session on a fresh database, checked step by step: list, watch, rate and
# note three films with each reference style, export JSON and CSV and read them back, then
# every bad input: its exit status, and the database unchanged.
# Usage: scripts/new-user-session.sh [path/to/watchlist]   (default: builds and uses the debug binary)
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
    swift build >/dev/null || exit 1
    bin=.build/debug/watchlist
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/fresh/watchlist.sqlite"
failures=0
passes=0
check() {  # check DESCRIPTION EXPECTED-STATUS -- COMMAND...
    local description=$1 expected=$2
    shift 3
    "$@" >"$work/out" 2>"$work/err"
    local status=$?
    if [ "$status" -eq "$expected" ]; then
        passes=$((passes + 1))
    else
        failures=$((failures + 1))
        echo "FAIL: $description: exit $status, expected $expected"
        sed 's/^/    /' "$work/err"
    fi
}
w() { "$bin" --db "$db" "$@"; }

check "list shows the films" 0 -- w list
[ "$(grep -c '^ *[0-9]' "$work/out")" -eq 10 ] || { echo "FAIL: list did not show 10 films"; failures=$((failures + 1)); }
check "watch by id" 0 -- w watch 3 --on 2026-01-15
check "watch by title" 0 -- w watch "the ascent" --on 2025-12-31
check "watch by title and year" 0 -- w watch "The Star (2002)" --on yesterday
check "watch by part of a title" 0 -- w watch "red tent"
check "rate by id" 0 -- w rate 3 4
check "rate by title" 0 -- w rate ASCENT "★★★★½"
check "rate by title and year" 0 -- w rate "The Star (2002)" 9/10
check "note by part of a title" 0 -- w note "red tent" "Connery, in the Arctic, \"quoted\", and a comma"
check "note by title" 0 -- w note ascent "Bleak and beautiful."
check "note from stdin" 0 -- sh -c "printf 'Line one\nLine two\n' | \"$bin\" --db \"$db\" note 8 -"

check "export json" 0 -- w export --format json
python3 - "$work/out" <<'PY' || failures=$((failures + 1))
import json, sys
doc = json.load(open(sys.argv[1]))
films = {f["id"]: f for f in doc["films"]}
assert doc["format"] == "watchlist" and doc["version"] == 1 and len(films) == 10
assert [v["date"] for v in films[1]["viewings"]] == ["2025-12-31"] and films[1]["rating"] == 4.5
assert films[3]["rating"] == 4 and films[8]["rating"] == 4.5 and len(films[10]["viewings"]) == 1
assert films[8]["notes"][0]["text"] == "Line one\nLine two"
assert films[10]["notes"][0]["text"].startswith("Connery")
PY
check "export csv" 0 -- w export --format csv
python3 - "$work/out" <<'PY' || failures=$((failures + 1))
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 10, len(rows)
assert rows[0]["title"] == "The Ascent" and rows[0]["rating"] == "4.5" and rows[0]["watched"] == "true"
assert rows[9]["notes"] == 'Connery, in the Arctic, "quoted", and a comma'
PY

cp "$db" "$work/before"
for bad in "rate ascent 0:64" "rate ascent 5.5:64" "rate ascent 4.25:64" "rate ascent abc:64" \
           "watch ascent --on 2026-02-30:64" "watch ascent --on 2999-01-01:64" "watch ascent --on 1970-01-01:64" \
           "note ascent '':64" "note ascent '   ':64" "show nosuchfilm:1" "watch the:1" "note delete 99:1" \
           "list --watched --unwatched:64" "export --format xml:64"; do
    eval "set -- ${bad%:*}"
    check "bad input: ${bad%:*}" "${bad##*:}" -- w "$@"
    cmp -s "$db" "$work/before" || { echo "FAIL: '${bad%:*}' changed the database"; failures=$((failures + 1)); }
done
check "NUL on stdin" 65 -- sh -c "printf 'a\0b' | \"$bin\" --db \"$db\" note ascent -"
check "invalid UTF-8 on stdin" 65 -- sh -c "printf 'caf\351' | \"$bin\" --db \"$db\" note ascent -"
cmp -s "$db" "$work/before" || { echo "FAIL: malformed stdin changed the database"; failures=$((failures + 1)); }

echo "new-user session: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
