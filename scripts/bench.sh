#!/usr/bin/env bash
# Runs every benchmark and rewrites the results section of BENCHMARKS.md (and
# docs/benchmarks-growth.png): the release binary side by side with sqlite3 (hyperfine), the
# scale database, the growth series; then the in-process benchmarks of Benchmarks/ when
# BENCH_IN_PROCESS=1. About 7 minutes on 2 cores.
# Usage: scripts/bench.sh            (BENCH_RUNS=N sets the runs of the long commands, default 10)
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
need sqlite3 sqlite3
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
python3 -c "import matplotlib" 2>/dev/null || pip install -q matplotlib

echo "bench: building the release binary"
swift build -c release --static-swift-stdlib >/dev/null
binary=$(swift build -c release --static-swift-stdlib --show-bin-path)/watchlist

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "bench: building the data in $work"
scripts/make-scale-db.py "$work/scale.sqlite" --viewings 1000000
for size in 1000 10000 100000; do scripts/make-scale-db.py "$work/growth-$size.sqlite" --viewings $size; done
for size in 1000 10000 100000 1000000; do scripts/make-scale-diary.py "$work/diary-$size.csv" $size; done

echo "bench: measuring"
scripts/bench.py "$binary" "$work"

if [ "${BENCH_IN_PROCESS:-0}" = 1 ]; then
    echo "bench: in-process benchmarks (Benchmarks/)"
    (cd Benchmarks && WATCHLIST_SCALE_DB="$work/scale.sqlite" swift package --allow-writing-to-package-directory benchmark --no-progress)
fi
