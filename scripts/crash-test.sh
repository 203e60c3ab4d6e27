#!/usr/bin/env bash
# Crash safety: a long import (100,000 diary rows) is killed with SIGKILL at random moments,
# RUNS times (default 20). After each kill the database must pass `watchlist db check`
# (integrity_check and foreign_key_check), hold none or all of the import, and keep everything
# committed before it exactly.
# Usage: scripts/crash-test.sh [path/to/watchlist]     (default: .build/debug/watchlist)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/debug/watchlist}")
runs=${RUNS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/diary.csv" <<'PY'
import sys
with open(sys.argv[1], "w", newline="") as f:
    f.write("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\r\n")
    for i in range(100000):
        f.write(f"2024-01-01,Crash Film {i},{1950 + i % 70},https://boxd.it/c{i},{(i % 10 + 1) / 2},"
                f"{'Yes' if i % 7 == 0 else ''},tag{i % 5},{2000 + i % 24}-0{1 + i % 9}-1{i % 9}\r\n")
PY

# What was committed before the import: a little of everything.
base="$work/base.sqlite"
"$bin" --db "$base" watch ascent --on 2024-01-01 >/dev/null
"$bin" --db "$base" watch ascent --on 2024-02-01 >/dev/null
"$bin" --db "$base" rate "red tent" 4.5 >/dev/null
"$bin" --db "$base" note star "Committed before the crash." >/dev/null
"$bin" --db "$base" tag ascent winter >/dev/null

state() {  # state DB: counts of everything, and a digest of what was there before the import
    python3 - "$1" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
counts = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("film", "viewing", "rating", "note", "filmTag")]
before = "|".join(str(db.execute(q).fetchall()) for q in (
    "SELECT * FROM viewing WHERE filmId <= 10 ORDER BY id", "SELECT * FROM rating WHERE filmId <= 10 ORDER BY filmId",
    "SELECT * FROM note WHERE filmId <= 10 ORDER BY id", "SELECT * FROM filmTag WHERE filmId <= 10 ORDER BY filmId, tag",
    "SELECT * FROM film WHERE id <= 10 ORDER BY id", "SELECT * FROM collection WHERE id = 1"))
print(" ".join(map(str, counts)), hashlib.sha256(before.encode()).hexdigest())
PY
}

read -r -a none_state <<<"$(state "$base")"
cp "$base" "$work/full.sqlite"
start=$(date +%s%N)
"$bin" --db "$work/full.sqlite" import "$work/diary.csv" --add-missing 2>/dev/null
duration_ms=$(( ($(date +%s%N) - start) / 1000000 ))
read -r -a all_state <<<"$(state "$work/full.sqlite")"
echo "crash test: one whole import takes ${duration_ms} ms; killing $runs imports at random moments"

none=0 all=0 mid=0 failures=0
for run in $(seq 1 "$runs"); do
    db="$work/run.sqlite"
    rm -f "$db" "$db-journal"
    cp "$base" "$db"
    # Up to a little past the whole import: most kills land inside it, a few after it committed.
    delay_ms=$(( (RANDOM * 32768 + RANDOM) % (duration_ms * 105 / 100 + 1) ))
    "$bin" --db "$db" import "$work/diary.csv" --add-missing >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    [ -s "$db-journal" ] && mid=$((mid + 1))
    if ! "$bin" --db "$db" db check >/dev/null 2>"$work/check.err"; then
        echo "FAIL run $run (killed after ${delay_ms} ms): db check: $(cat "$work/check.err")"
        failures=$((failures + 1))
        continue
    fi
    read -r -a after <<<"$(state "$db")"
    if [ "${after[*]}" = "${none_state[*]}" ]; then
        none=$((none + 1))
    elif [ "${after[*]}" = "${all_state[*]}" ]; then
        all=$((all + 1))
    else
        echo "FAIL run $run (killed after ${delay_ms} ms): the database holds part of the import or lost earlier data: ${after[*]}"
        failures=$((failures + 1))
    fi
done
echo "crash test: $runs kills ($mid inside the import's transaction): $none left none of the import, $all all of it; $((runs - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
