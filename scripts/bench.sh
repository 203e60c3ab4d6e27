#!/usr/bin/env bash
# Runs every benchmark and rewrites the results section of BENCHMARKS.md (and
# docs/benchmarks-growth.png): the release binary side by side with sqlite3 (hyperfine), the
# scale database, the growth series; then the in-process benchmarks of Benchmarks/ when
# BENCH_IN_PROCESS=1. About 40 minutes on 2 cores (the 10,000,000-row diary alone about 20; BENCH_SIZES="1000 10000" for a quick run).
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
echo "bench: building the floors (Benchmarks/Floor, floor-grdb)"
floors=$(mktemp -d)
swiftc -O -static-stdlib -I Benchmarks/Floor Benchmarks/Floor/floor.swift -o "$floors/floor"
(cd Benchmarks && swift build -c release --static-swift-stdlib --product floor-grdb >/dev/null)
cp "$(cd Benchmarks && swift build -c release --static-swift-stdlib --show-bin-path)/floor-grdb" "$floors/"
export BENCH_FLOORS=$floors

work=$(mktemp -d)
trap 'rm -rf "$work" "$floors"' EXIT
echo "bench: building the data in $work"
scripts/make-scale-db.py "$work/scale.sqlite" --viewings 1000000
sizes=${BENCH_SIZES:-1000 10000 100000 1000000 10000000}
export BENCH_SIZES=$sizes
# The 1,000,000-row diary is also the scale import's.
# A file import reads is at most 512 MiB: above 5,000,000 rows the diary is several files, one import.
for size in $(printf '%s\n' $sizes 1000000 | sort -un); do
    scripts/make-scale-diary.py "$work/diary-$size.csv" $size 0 $(( (size + 4999999) / 5000000 ))
done
scripts/make-scale-diary.py "$work/diary-100000-films.csv" 100000 100000

echo "bench: measuring"
scripts/bench.py "$binary" "$work"

if [ "${BENCH_IN_PROCESS:-0}" = 1 ]; then
    echo "bench: in-process benchmarks (Benchmarks/)"
    (cd Benchmarks && WATCHLIST_SCALE_DB="$work/scale.sqlite" swift package --allow-writing-to-package-directory benchmark --no-progress)
fi
