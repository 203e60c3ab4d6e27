#!/usr/bin/env bash
# Every change a changeset, measured: two builds side by side (BEFORE: the last without the
# session's recording; AFTER: this one), each in the same hyperfine run, release builds.
# - importing a diary of 100,000 and of 1,000,000 rows (scripts/make-scale-diary.py: a tenth as
#   many films) into a fresh database: time (hyperfine medians) and peak memory (GNU time);
# - undoing that import: time and peak memory;
# - `watch` and `list` on the built-in collection (hyperfine, 30 runs);
# - the size of the changesets the history keeps.
# Usage: scripts/bench-changesets.sh BEFORE AFTER [ROWS...]   (default rows: 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; }
before=$(realpath "$1") after=$(realpath "$2")
shift 2
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs() { [ "$1" -ge 1000000 ] && echo 2 || echo 5; }
for rows in "${sizes[@]}"; do
    diary="$work/diary-$rows.csv"
    python3 scripts/make-scale-diary.py "$diary" "$rows" >/dev/null
    echo "## import of $rows rows"
    hyperfine --runs "$(runs "$rows")" --style basic --export-markdown "$work/import-$rows.md" \
        --prepare "rm -f $work/b.sqlite $work/a.sqlite" \
        -n "before import $rows" "$before --db $work/b.sqlite import $diary --add-missing" \
        -n "after import $rows" "$after --db $work/a.sqlite import $diary --add-missing" 2>&1 | grep -E "Time|±" || true
    cat "$work/import-$rows.md"
    for side in before after; do
        binary=$([ $side = before ] && echo "$before" || echo "$after")
        rm -f "$work/m.sqlite"
        /usr/bin/time -f "$side import $rows: %e s, peak %M KB" "$binary" --db "$work/m.sqlite" import "$diary" --add-missing >/dev/null 2>"$work/err"
        tail -1 "$work/err"
        [ $side = after ] && sqlite3 "$work/m.sqlite" "SELECT 'changesets kept: ' || count(*) || ' parts, ' || (sum(length(changeset)) / 1048576) || ' MiB; database file: ' || (SELECT page_count * page_size / 1048576 FROM pragma_page_count, pragma_page_size) || ' MiB' FROM historyChange"
        cp "$work/m.sqlite" "$work/undo-$side.sqlite"
        /usr/bin/time -f "$side undo of the $rows-row import: %e s, peak %M KB" "$binary" --db "$work/undo-$side.sqlite" undo >/dev/null 2>"$work/err"
        tail -1 "$work/err"
    done
done
echo "## watch and list on the built-in collection"
"$before" --db "$work/small-b.sqlite" watch ascent --on 2020-01-01 >/dev/null
"$after" --db "$work/small-a.sqlite" watch ascent --on 2020-01-01 >/dev/null
hyperfine --runs 30 --warmup 3 --style basic --export-markdown "$work/small.md" \
    -n "before watch" "$before --db $work/small-b.sqlite watch 2 --on 2020-01-01; $before --db $work/small-b.sqlite unwatch 2 --on 2020-01-01" \
    -n "after watch" "$after --db $work/small-a.sqlite watch 2 --on 2020-01-01; $after --db $work/small-a.sqlite unwatch 2 --on 2020-01-01" \
    -n "before list" "$before --db $work/small-b.sqlite list" \
    -n "after list" "$after --db $work/small-a.sqlite list" >/dev/null 2>&1
cat "$work/small.md"
