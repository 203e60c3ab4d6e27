#!/usr/bin/env bash
# Crash safety: a long import (100,000 diary rows) is killed with SIGKILL at random moments,
# RUNS times (default 20). After each kill the database must pass `watchlist db check`
# (integrity_check and foreign_key_check), hold none or all of the import, and keep everything
# committed before it exactly. Then the migration of a large database of the previous schema
# version (Tests/Fixtures/schema-v9.sqlite filled with 300,000 viewings) is killed the same way,
# MIGRATION_RUNS times (default 10): each run must end, after a rerun, with a sound database of
# the current version holding every row. Last, `sync` of a device applying another's 100,000-row
# diary (and writing its own snapshot) is killed the same way, SYNC_RUNS times (default 6): each
# run must leave a sound database and, after a rerun and one more sync on each device, the same
# diary on both devices.
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
builtIn = "(SELECT filmId FROM filmNumber WHERE number <= 10)"  # the ten built-in films, by the numbers they show
before = "|".join(str(db.execute(q).fetchall()) for q in (
    f"SELECT * FROM viewing WHERE filmId IN {builtIn} ORDER BY id", f"SELECT * FROM rating WHERE filmId IN {builtIn} ORDER BY filmId",
    f"SELECT * FROM note WHERE filmId IN {builtIn} ORDER BY id", f"SELECT * FROM filmTag WHERE filmId IN {builtIn} ORDER BY filmId, tag",
    f"SELECT * FROM film WHERE id IN {builtIn} ORDER BY id", "SELECT * FROM collection WHERE builtIn = 1",
    "SELECT * FROM filmNumber WHERE number <= 10 ORDER BY number"))
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

# The migration from the previous schema version, killed at random moments.
old="$work/old.sqlite"
cp Tests/Fixtures/schema-v9.sqlite "$old"
python3 - "$old" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
              INSERT INTO film (id, title, year, description, fact, titleKey) SELECT 100 + i, 'Old Film ' || i, 1990, '', '', 'old film ' || i FROM n""")
db.execute("""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
              INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt, placeholder)
              SELECT 101 + i % 20000, date('2000-01-01', '+' || (i % 9000) || ' days'), 0, '2020-01-01T00:00:00Z', 0 FROM n""")
db.execute("INSERT INTO note (filmId, text, createdAt, updatedAt) SELECT id, 'Old note ' || id, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z' FROM film WHERE id > 100")
db.commit()
PY
counts() { python3 -c "
import sqlite3, sys
db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
print(' '.join(str(db.execute(f'SELECT count(*) FROM {t}').fetchone()[0]) for t in ('film', 'viewing', 'rating', 'note', 'filmTag', 'filmFact')), end=' ')
# Every film keeps the number it was shown with: its id before keys.
if db.execute(\"SELECT count(*) FROM sqlite_master WHERE name = 'filmNumber'\").fetchone()[0]:
    print(db.execute('SELECT count(*) FROM filmNumber n JOIN film f ON f.id = n.filmId').fetchone()[0],
          db.execute(\"SELECT count(*) FROM filmNumber n JOIN film f ON f.id = n.filmId WHERE f.title = 'Old Film ' || (n.number - 100)\").fetchone()[0])
else:
    print(db.execute('SELECT count(*) FROM film').fetchone()[0], db.execute('SELECT count(*) FROM film WHERE id > 100').fetchone()[0])
" "$1"; }
old_counts=$(counts "$old")
cp "$old" "$work/migrated.sqlite"
start=$(date +%s%N)
"$bin" --db "$work/migrated.sqlite" history >/dev/null
migration_ms=$(( ($(date +%s%N) - start) / 1000000 ))
migration_runs=${MIGRATION_RUNS:-10}
echo "crash test: migrating $old_counts (films viewings ratings notes tags facts; films numbered, old films by their number) takes ${migration_ms} ms; killing $migration_runs migrations"
migration_failures=0 interrupted=0
for run in $(seq 1 "$migration_runs"); do
    db="$work/migrating.sqlite"
    rm -f "$db" "$db-journal"
    cp "$old" "$db"
    delay_ms=$(( (RANDOM * 32768 + RANDOM) % (migration_ms + 1) ))
    "$bin" --db "$db" history >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    [ -s "$db-journal" ] && interrupted=$((interrupted + 1))
    # Opened again, the database is migrated whole (or was already), and sound.
    if ! "$bin" --db "$db" db check >/dev/null 2>"$work/check.err"; then
        echo "FAIL migration run $run (killed after ${delay_ms} ms): db check: $(cat "$work/check.err")"
        migration_failures=$((migration_failures + 1))
        continue
    fi
    if [ "$(counts "$db")" != "$old_counts" ]; then
        echo "FAIL migration run $run (killed after ${delay_ms} ms): rows lost: $(counts "$db") against $old_counts"
        migration_failures=$((migration_failures + 1))
    fi
done
echo "crash test: $migration_runs migrations killed ($interrupted inside its transaction); $((migration_runs - migration_failures)) passed, $migration_failures failed"
# Sync, killed at random moments: device A holds the import and has written it to the folder;
# device B (the database from before the import, with a change of its own) syncs.
digest() {  # digest DB: the shared tables' rows, in key order (what every device must agree on)
    python3 - "$1" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
h = hashlib.sha256()
for table in ("film", "filmTitle", "filmIdentifier", "filmFact", "viewing", "rating", "note", "filmTag", "collection", "collectionFilm"):
    columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
    for row in db.execute(f"SELECT * FROM {table} ORDER BY " + ", ".join(f'"{c}"' for c in columns)):
        h.update(repr(row).encode())
print(h.hexdigest())
PY
}
folder0="$work/folder0"
mkdir -p "$folder0"
cp "$work/full.sqlite" "$work/a0.sqlite"
"$bin" --db "$work/a0.sqlite" sync "$folder0" --name a >/dev/null 2>&1
cp "$base" "$work/b0.sqlite"
"$bin" --db "$work/b0.sqlite" rate star 2 >/dev/null
cp -r "$folder0" "$work/timed"
cp "$work/b0.sqlite" "$work/timed.sqlite"
start=$(date +%s%N)
"$bin" --db "$work/timed.sqlite" sync "$work/timed" --name b >/dev/null 2>&1
sync_ms=$(( ($(date +%s%N) - start) / 1000000 ))
sync_runs=${SYNC_RUNS:-6}
echo "crash test: applying device A's 100,000-row diary by sync takes ${sync_ms} ms; killing $sync_runs syncs"
sync_failures=0
for run in $(seq 1 "$sync_runs"); do
    rm -rf "$work/folder" "$work/b.sqlite" "$work/b.sqlite-journal"
    cp -r "$folder0" "$work/folder"
    cp "$work/a0.sqlite" "$work/a.sqlite"
    cp "$work/b0.sqlite" "$work/b.sqlite"
    delay_ms=$(( (RANDOM * 32768 + RANDOM) % (sync_ms + 1) ))
    "$bin" --db "$work/b.sqlite" sync "$work/folder" --name b >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if ! "$bin" --db "$work/b.sqlite" db check >/dev/null 2>"$work/check.err"; then
        echo "FAIL sync run $run (killed after ${delay_ms} ms): db check: $(cat "$work/check.err")"
        sync_failures=$((sync_failures + 1))
        continue
    fi
    # The rerun finishes what the killed sync began; then each device syncs once more.
    if ! "$bin" --db "$work/b.sqlite" sync "$work/folder" --name b >/dev/null 2>"$work/sync.err" \
        || ! "$bin" --db "$work/a.sqlite" sync "$work/folder" >/dev/null 2>>"$work/sync.err" \
        || ! "$bin" --db "$work/b.sqlite" sync "$work/folder" >/dev/null 2>>"$work/sync.err"; then
        echo "FAIL sync run $run (killed after ${delay_ms} ms): a later sync failed: $(tail -3 "$work/sync.err")"
        sync_failures=$((sync_failures + 1))
        continue
    fi
    if [ "$(digest "$work/a.sqlite")" != "$(digest "$work/b.sqlite")" ]; then
        echo "FAIL sync run $run (killed after ${delay_ms} ms): the two devices hold different diaries"
        sync_failures=$((sync_failures + 1))
    fi
done
echo "crash test: $sync_runs syncs killed; $((sync_runs - sync_failures)) passed, $sync_failures failed"
[ "$failures" -eq 0 ] && [ "$migration_failures" -eq 0 ] && [ "$sync_failures" -eq 0 ]
