#!/usr/bin/env bash
# Keys, measured: two builds side by side (BEFORE: schema 9, ids given max+1; AFTER: this one,
# keys), each in the same hyperfine run, release builds.
# - importing a diary of ROWS rows (scripts/make-scale-diary.py: a tenth as many films) into a
#   fresh database: time (hyperfine), peak memory (GNU time) and the database file's size;
# - on that database: `list` (every film), `show` of a film, `watch` then `unwatch`
#   (hyperfine, 20 runs), and sqlite3 reading what `list` reads, in the same run (the floor);
# - on the built-in collection alone: `list`, `show`, `watch` then `unwatch` (30 runs);
# - AFTER opening BEFORE's database: the v10 migration (time, peak memory).
# Usage: scripts/bench-keys.sh BEFORE AFTER [ROWS]   (default rows: 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; }
before=$(realpath "$1") after=$(realpath "$2")
rows=${3:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
diary="$work/diary.csv"
python3 scripts/make-scale-diary.py "$diary" "$rows" >/dev/null
size() { stat -c %s "$1" | awk '{ printf "%.1f MiB", $1 / 1048576 }'; }

echo "## import of $rows rows"
hyperfine --runs 2 --style basic --export-markdown "$work/import.md" \
    --prepare "rm -f $work/b.sqlite $work/a.sqlite" \
    -n "before import" "$before --db $work/b.sqlite import $diary --add-missing" \
    -n "after import" "$after --db $work/a.sqlite import $diary --add-missing" >/dev/null 2>&1
cat "$work/import.md"
for side in before after; do
    binary=$([ $side = before ] && echo "$before" || echo "$after")
    rm -f "$work/$side.sqlite"
    /usr/bin/time -f "$side import: %e s, peak %M KB" "$binary" --db "$work/$side.sqlite" import "$diary" --add-missing >/dev/null 2>"$work/err"
    tail -1 "$work/err"
    echo "$side database file: $(size "$work/$side.sqlite"); without the history's changesets (VACUUM): $(
        cp "$work/$side.sqlite" "$work/v.sqlite"; sqlite3 "$work/v.sqlite" "DELETE FROM historyChange; VACUUM" 2>/dev/null; size "$work/v.sqlite")"
done

echo "## on the database of $rows rows"
film=$("$after" --db "$work/after.sqlite" list --json | python3 -c "import json,sys; films=json.load(sys.stdin); print(max(films, key=lambda f: f['viewings'])['id'])")
echo "show and watch use film $film (the most viewings)"
hyperfine --runs 20 --warmup 2 --style basic --export-markdown "$work/large.md" \
    -n "before list" "$before --db $work/before.sqlite list > /dev/null" \
    -n "after list" "$after --db $work/after.sqlite list > /dev/null" \
    -n "sqlite3 list" "sqlite3 $work/after.sqlite \"SELECT f.title, f.year, count(v.id), max(v.watchedOn) FROM film f LEFT JOIN viewing v ON v.filmId = f.id GROUP BY f.id ORDER BY (SELECT number FROM filmNumber WHERE filmId = f.id)\" > /dev/null" \
    -n "before show" "$before --db $work/before.sqlite show $film > /dev/null" \
    -n "after show" "$after --db $work/after.sqlite show $film > /dev/null" \
    -n "before watch" "$before --db $work/before.sqlite watch $film --on 2020-01-01 > /dev/null; $before --db $work/before.sqlite unwatch $film --on 2020-01-01 > /dev/null" \
    -n "after watch" "$after --db $work/after.sqlite watch $film --on 2020-01-01 > /dev/null; $after --db $work/after.sqlite unwatch $film --on 2020-01-01 > /dev/null" >/dev/null 2>&1
cat "$work/large.md"

echo "## on the built-in collection"
"$before" --db "$work/small-b.sqlite" watch ascent --on 2020-01-01 >/dev/null
"$after" --db "$work/small-a.sqlite" watch ascent --on 2020-01-01 >/dev/null
hyperfine --runs 30 --warmup 3 --style basic --export-markdown "$work/small.md" \
    -n "before list" "$before --db $work/small-b.sqlite list" \
    -n "after list" "$after --db $work/small-a.sqlite list" \
    -n "before show" "$before --db $work/small-b.sqlite show 1" \
    -n "after show" "$after --db $work/small-a.sqlite show 1" \
    -n "before watch" "$before --db $work/small-b.sqlite watch 2 --on 2020-01-01; $before --db $work/small-b.sqlite unwatch 2 --on 2020-01-01" \
    -n "after watch" "$after --db $work/small-a.sqlite watch 2 --on 2020-01-01; $after --db $work/small-a.sqlite unwatch 2 --on 2020-01-01" >/dev/null 2>&1
cat "$work/small.md"

echo "## the v10 migration of BEFORE's database of $rows rows"
cp "$work/before.sqlite" "$work/migrating.sqlite"
/usr/bin/time -f "migration (and a history read): %e s, peak %M KB" "$after" --db "$work/migrating.sqlite" history >/dev/null 2>"$work/err"
tail -1 "$work/err"
echo "migrated database file: $(size "$work/migrating.sqlite")"
