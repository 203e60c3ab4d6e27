#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (a package of its own that links the project's real
# targets) with SwiftPM, `--sanitize fuzzer --sanitize address`, and runs each for SECONDS seconds
# (default 30) from the seed corpus in Fuzz/corpus/<target>. A build error, a crash, a sanitizer
# report or a hang fails the script and leaves the input that caused it in .build-fuzz/; make it
# a regression test in Tests/WatchlistModelTests/FuzzRegressionTests.swift.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   targets: collection letterboxd imdb document trakt criticker netflix database sync datasets
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(collection letterboxd imdb document trakt criticker netflix database sync datasets)
out=.build-fuzz

echo "fuzz: building the targets"
mkdir -p "$out"
# WATCHLIST_FUZZ_BUILD: see Package.swift (no schema snapshot: its build tool cannot link here).
if ! WATCHLIST_FUZZ_BUILD=1 swift build --package-path Fuzz -c release --sanitize fuzzer --sanitize address --disable-build-manifest-caching --scratch-path "$out" >"$out/build.log" 2>&1; then
    grep -E "error" "$out/build.log" | head -20
    echo "fuzz: the build failed (the whole log is in $out/build.log)"
    exit 1
fi

status=0
for target in "${targets[@]}"; do
    binary="$out/release/fuzz-$target"
    [ -x "$binary" ] || { echo "fuzz: there is no target $target"; exit 1; }
    corpus="$out/corpus-$target"
    mkdir -p "$corpus"
    cp Fuzz/corpus/"$target"/* "$corpus"/
    echo "fuzz: running $target for $seconds s"
    # A database file is larger than any other input: its seed is about 67 KB.
    max_len=65536
    [ "$target" = database ] && max_len=131072
    [ "$target" = sync ] && max_len=131072
    if "$binary" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=$max_len \
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
