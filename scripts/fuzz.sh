#!/usr/bin/env bash
# Builds a libFuzzer target (swiftc -sanitize=fuzzer,address) for each importer and for the
# collection parser, and runs each for SECONDS seconds (default 30) from the seed corpus in
# Fuzz/corpus/<target>. A crash, a sanitizer report or a hang fails the script and leaves the
# input that caused it in .build-fuzz/; make it a regression test in
# Tests/WatchlistCoreTests/FuzzRegressionTests.swift.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   targets: collection letterboxd imdb watchlist
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(collection letterboxd imdb watchlist)
out=.build-fuzz
mkdir -p "$out"

# The parsing code only: it needs Foundation, not the database.
sources=(Sources/WatchlistCore/WatchlistError.swift Sources/WatchlistCore/Service/Inputs.swift)
while IFS= read -r file; do sources+=("$file"); done < <(find Sources/WatchlistCore/Model Sources/WatchlistCore/Catalog Sources/WatchlistCore/Formats -name '*.swift' | sort)

# The core's parsing code is built once, instrumented, as a module the targets import.
echo "fuzz: building the parsing code"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name WatchlistFuzzCore -emit-module -emit-module-path "$out/" \
    -emit-library -static -o "$out/libWatchlistFuzzCore.a" "${sources[@]}" 2>&1 | grep -v "ld.gold: warning" || true
[ -f "$out/libWatchlistFuzzCore.a" ] || { echo "fuzz: the parsing code did not build"; exit 1; }

status=0
for target in "${targets[@]}"; do
    binary="$out/fuzz-$target"
    echo "fuzz: building $target"
    swiftc -O -sanitize=fuzzer,address -parse-as-library -I "$out" "Fuzz/$target.swift" "$out/libWatchlistFuzzCore.a" \
        -o "$binary" 2>&1 | grep -v "ld.gold: warning: Cannot export local symbol" || true
    [ -x "$binary" ] || { echo "fuzz: $target did not build"; exit 1; }
    corpus="$out/corpus-$target"
    mkdir -p "$corpus"
    cp Fuzz/corpus/"$target"/* "$corpus"/
    echo "fuzz: running $target for $seconds s"
    if "$binary" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$out/$target-" -print_final_stats=1 >"$out/$target.log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$target.log" | grep -o '[0-9]*$' || echo "?")
        echo "fuzz: $target: $runs inputs, no crash"
    else
        status=1
        echo "fuzz: $target FAILED; the input is in $out/$target-*:"
        grep -E "ERROR|SUMMARY|Fatal|crash|timeout" "$out/$target.log" | head -5
    fi
done
exit $status
