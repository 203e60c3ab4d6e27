#!/usr/bin/env bash
# Sync, measured (release build, one machine, folders on the same disk):
# - a diary of ROWS viewings (scripts/make-scale-diary.py) imported on device A, written to the
#   folder by `sync`, and applied on device B by `sync`: time and peak memory of each (GNU time),
#   the size of the files, and the same for three times as many rows (is memory flat?); the
#   import and the apply side by side (hyperfine, 5 runs) with sqlite3 copying the same shared
#   tables' rows from A's database into an empty one of the same schema (the floor: no rules);
# - the bytes written per 1,000 changes made by commands (`watch`, `rate`, `tag`, `note` in turn);
# - `sync` with nothing new on a folder of FILES files (hyperfine, 20 runs).
# Usage: scripts/bench-sync.sh [path/to/watchlist] [ROWS] [FILES]   (defaults: release build, 100000, 10000)
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
rows=${2:-100000}
files=${3:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WATCHLIST_NOW=2026-11-26T12:00:00Z
size() { stat -c %s "$1" | awk '{ printf "%.1f MiB", $1 / 1048576 }'; }
measure() {  # measure LABEL COMMAND...: wall time and peak memory
    /usr/bin/time -f "$1: %e s, peak %M KB" "${@:2}" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    tail -1 "$work/err"
}

for n in $rows $((rows * 3)); do
    echo "## $n viewings: imported on A, applied on B by sync"
    python3 scripts/make-scale-diary.py "$work/diary.csv" "$n" >/dev/null
    rm -rf "$work/folder" "$work"/a*.sqlite "$work"/b*.sqlite; mkdir -p "$work/folder"
    "$bin" --db "$work/a0.sqlite" sync "$work/folder" --name a >/dev/null 2>&1
    "$bin" --db "$work/b0.sqlite" sync "$work/folder" --name b >/dev/null 2>&1
    "$bin" --db "$work/a0.sqlite" sync "$work/folder" >/dev/null 2>&1
    cp "$work/a0.sqlite" "$work/a.sqlite"
    measure "import on A" "$bin" --db "$work/a.sqlite" import "$work/diary.csv" --add-missing
    measure "sync on A (writes the import)" "$bin" --db "$work/a.sqlite" sync "$work/folder"
    ls -l "$work/folder"/*/ | awk '$5 > 100000 { printf "a file of the import: %.1f MiB\n", $5 / 1048576 }'
    cp "$work/b0.sqlite" "$work/b.sqlite"
    measure "sync on B (applies the import)" "$bin" --db "$work/b.sqlite" sync "$work/folder"
    for d in a b; do
        echo "$d: $(sqlite3 "$work/$d.sqlite" "SELECT count(*) FROM film") films, $(sqlite3 "$work/$d.sqlite" "SELECT count(*) FROM viewing") viewings"
    done
    [ "$n" = "$rows" ] || continue
    # The floor: sqlite3 moving the same rows of the shared tables, with no rules.
    sqlite3 "$work/a.sqlite" .schema | grep -v "sqlite_sequence\|sqlite_stat" > "$work/schema.sql"
    copy="PRAGMA foreign_keys = OFF; ATTACH '$work/a.sqlite' AS a; BEGIN;"
    for t in film filmTitle filmIdentifier filmFact viewing rating note filmTag collection collectionFilm; do
        copy="$copy DELETE FROM main.$t; INSERT INTO main.$t SELECT * FROM a.$t;"
    done
    copy="$copy COMMIT;"
    rm -f "$work/floor0.sqlite"; sqlite3 "$work/floor0.sqlite" < "$work/schema.sql"
    hyperfine --runs 5 --style basic --export-markdown "$work/apply.md" \
        -n "import on A" --prepare "cp $work/a0.sqlite $work/ai.sqlite" "$bin --db $work/ai.sqlite import $work/diary.csv --add-missing" \
        -n "sync on B, applying A's import" --prepare "cp $work/b0.sqlite $work/bi.sqlite" "$bin --db $work/bi.sqlite sync $work/folder" \
        -n "sqlite3 copying the shared tables' rows" --prepare "cp $work/floor0.sqlite $work/floor.sqlite" "sqlite3 $work/floor.sqlite \"$copy\"" >/dev/null 2>&1
    cat "$work/apply.md"
done

echo "## bytes written per 1,000 changes made by commands"
rm -rf "$work/small" "$work/c.sqlite"; mkdir -p "$work/small"
"$bin" --db "$work/c.sqlite" sync "$work/small" --name c >/dev/null 2>&1
commands=(watch rate tag note)
at() { date -u -d "2026-11-26 12:00:00 UTC + $1 seconds" +%Y-%m-%dT%H:%M:%SZ; }
for i in $(seq 0 999); do
    export WATCHLIST_NOW=$(at "$i")
    case ${commands[$((i % 4))]} in
        watch) "$bin" --db "$work/c.sqlite" watch ascent --on "2024-01-$(printf %02d $((i % 28 + 1)))" >/dev/null ;;
        rate) "$bin" --db "$work/c.sqlite" rate "red tent" "$(( i % 5 + 1 ))" >/dev/null 2>&1 || true ;;
        tag) "$bin" --db "$work/c.sqlite" tag star "t$i" >/dev/null ;;
        note) "$bin" --db "$work/c.sqlite" note edge "A note of about sixty characters, number $i, to be synced." >/dev/null ;;
    esac
done
before=$(du -sb "$work/small" | cut -f1)
"$bin" --db "$work/c.sqlite" sync "$work/small" >/dev/null 2>&1
after=$(du -sb "$work/small" | cut -f1)
echo "1,000 changes (watch, rate, tag, note in turn): $(( after - before )) bytes in one file, $(( (after - before) / 1000 )) bytes a change"

echo "## sync with nothing new, on a folder of $files files"
rm -rf "$work/many"; mkdir -p "$work/many"
"$bin" --db "$work/d.sqlite" sync "$work/many" --name d >/dev/null 2>&1
"$bin" --db "$work/e.sqlite" sync "$work/many" --name e >/dev/null 2>&1
for i in $(seq 2 "$files"); do
    export WATCHLIST_NOW=$(at "$((i * 60))")
    "$bin" --db "$work/d.sqlite" watch ascent --on "2024-01-01" >/dev/null
    "$bin" --db "$work/d.sqlite" sync "$work/many" >/dev/null 2>&1
done
measure "sync on E applying $((files - 1)) files" "$bin" --db "$work/e.sqlite" sync "$work/many"
echo "files in the folder: $(find "$work/many" -name '*.wlsync' | wc -l)"
hyperfine --runs 20 --warmup 2 --style basic --export-markdown "$work/noop.md" \
    -n "sync, nothing new ($files files)" "$bin --db $work/e.sqlite sync $work/many" \
    -n "sqlite3 reading the device state" "sqlite3 $work/e.sqlite 'SELECT * FROM syncDevice; SELECT * FROM syncPeer'" >/dev/null 2>&1
cat "$work/noop.md"
