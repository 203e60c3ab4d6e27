#!/usr/bin/env python3
"""The whole-process benchmarks: watchlist side by side with sqlite3 doing the same work, in
the same run, timed by hyperfine (medians), peak memory by GNU time. Rewrites the results
section of BENCHMARKS.md and draws docs/benchmarks-growth.png. Called by scripts/bench.sh,
which builds the binary and the data first.

Usage: scripts/bench.py BINARY WORKDIR
"""
import datetime, glob, json, os, platform, shlex, subprocess, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
binary, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
RUNS = int(os.environ.get("BENCH_RUNS", "10"))
results = []  # (target, command, measured, limit, met, note)


def hyperfine(commands, runs=RUNS, prepare=None, warmup=2):
    """Median seconds of each command, measured in one hyperfine run."""
    out = os.path.join(work, "hyperfine.json")
    args = ["hyperfine", "-N", "--style", "none", "--runs", str(runs), "--warmup", str(warmup), "--export-json", out]
    if prepare:
        args = ["hyperfine", "--shell", "bash", "--style", "none", "--runs", str(runs), "--warmup", str(warmup), "--export-json", out, "--prepare", prepare]
    subprocess.run(args + commands, check=True, stdout=subprocess.DEVNULL)
    return [r["median"] for r in json.load(open(out))["results"]]


def peak_kib(command):
    """Peak resident memory of one run, in KiB (GNU time's %M)."""
    run = subprocess.run(["/usr/bin/time", "-f", "%M", "bash", "-c", command + " > /dev/null"], capture_output=True, text=True, check=True)
    return int(run.stderr.strip().splitlines()[-1])


def timed(command):
    """Wall seconds and peak resident KiB of one run (GNU time)."""
    run = subprocess.run(["/usr/bin/time", "-f", "%e %M", "bash", "-c", command + " > /dev/null"], capture_output=True, text=True, check=True)
    wall, kib = run.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kib)


def w(db, *args):
    return " ".join([shlex.quote(binary), "--db", shlex.quote(db)] + [shlex.quote(a) for a in args])


def sq(db, sql, *options):
    return " ".join(["sqlite3"] + list(options) + [shlex.quote(db), shlex.quote(sql)])


def short(command):
    """A command as the table shows it: no temporary paths."""
    return command.replace(binary, "watchlist").replace(work + "/", "")


def compare(target, ours, theirs, limit_ratio, theirs_label=None, **kwargs):
    ours_s, theirs_s = hyperfine([ours, theirs], **kwargs)
    ratio = ours_s / theirs_s
    results.append((target, f"`{short(ours)}` vs {theirs_label or '`' + short(theirs) + '`'}",
                    f"{ours_s * 1000:.1f} ms vs {theirs_s * 1000:.1f} ms: **{ratio:.2f}×**", f"≤ {limit_ratio}×", ratio <= limit_ratio))
    return ours_s, theirs_s


LIST_SQL = """SELECT f.id, f.title, f.year,
 (SELECT count(*) FROM viewing v WHERE v.filmId = f.id) AS viewings,
 (SELECT max(watchedOn) FROM viewing v WHERE v.filmId = f.id) AS lastWatched,
 r.halfStars / 2.0 AS rating,
 (SELECT count(*) FROM note n WHERE n.filmId = f.id) AS notes,
 (SELECT group_concat(tag) FROM filmTag t WHERE t.filmId = f.id) AS tags
FROM film f LEFT JOIN rating r ON r.filmId = f.id ORDER BY f.id"""
SHOW_SQL = ("SELECT * FROM film WHERE id = 1; SELECT slug FROM collection c JOIN collectionFilm cf ON cf.collectionId = c.id WHERE cf.filmId = 1; "
            "SELECT * FROM viewing WHERE filmId = 1 ORDER BY watchedOn, id; SELECT * FROM rating WHERE filmId = 1; "
            "SELECT * FROM note WHERE filmId = 1 ORDER BY id; SELECT tag FROM filmTag WHERE filmId = 1 ORDER BY tag")
SUMMARY_SQL = ("SELECT c.title, (SELECT count(*) FROM collectionFilm cf WHERE cf.collectionId = c.id), "
               "(SELECT count(*) FROM collectionFilm cf WHERE cf.collectionId = c.id AND EXISTS (SELECT 1 FROM viewing v WHERE v.filmId = cf.filmId)) "
               "FROM collection c ORDER BY c.id; SELECT * FROM viewing ORDER BY watchedOn DESC, id DESC LIMIT 1")


def small_database():
    db = os.path.join(work, "small.sqlite")
    for args in (["watch", "ascent", "--on", "2026-01-01"], ["rate", "ascent", "4.5"], ["note", "ascent", "Bleak."], ["tag", "ascent", "winter"]):
        subprocess.run(shlex.split(w(db, *args)), check=True, stdout=subprocess.DEVNULL)
    at = "'2026-01-01T00:00:00Z'"
    compare("write: `watch` on the built-in collection", w(db, "watch", "2", "--on", "2020-01-01"),
            sq(db, f"INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt) VALUES (2, '2020-01-01', 1, {at})"), 2.0,
            theirs_label="`sqlite3 small.sqlite \"INSERT INTO viewing …\"`", runs=30, warmup=3)
    compare("write: `rate`", w(db, "rate", "3", "4"),
            sq(db, f"INSERT INTO rating (filmId, halfStars, ratedAt) VALUES (3, 8, {at}) ON CONFLICT (filmId) DO UPDATE SET halfStars = 8, ratedAt = {at}"), 2.0,
            theirs_label="`sqlite3 small.sqlite \"INSERT INTO rating … ON CONFLICT DO UPDATE …\"`", runs=30, warmup=3)
    compare("write: `note`", w(db, "note", "4", "A note."),
            sq(db, f"INSERT INTO note (filmId, text, createdAt, updatedAt) VALUES (4, 'A note.', {at}, {at})"), 2.0,
            theirs_label="`sqlite3 small.sqlite \"INSERT INTO note …\"`", runs=30, warmup=3)
    compare("read: `list`", w(db, "list"), sq(db, LIST_SQL), 2.0, theirs_label="sqlite3 running the list query", runs=30, warmup=3)
    compare("read: `show`", w(db, "show", "1"), sq(db, SHOW_SQL), 2.0, theirs_label="sqlite3 running the show queries", runs=30, warmup=3)
    compare("read: `watchlist` alone", w(db), sq(db, SUMMARY_SQL), 2.0, theirs_label="sqlite3 running the summary queries", runs=30, warmup=3)
    floors = os.environ.get("BENCH_FLOORS")
    if floors:
        floor, floor_grdb = os.path.join(floors, "floor"), os.path.join(floors, "floor-grdb")
        help_s, list_s, floor_s, grdb_s, sqlite_s = hyperfine(
            [f"{shlex.quote(binary)} --help", w(db, "list"), f"{floor} {db}", f"{floor_grdb} {db}", sq(db, LIST_SQL)], runs=50, warmup=5)
        results.append(("start-up: `list` within 1 ms of the floor (a static Swift binary that opens the database and runs the list query)",
                        "`watchlist list` vs `floor small.sqlite` (Benchmarks/Floor: SQLite's C API, no Foundation) in one run, 50 runs",
                        f"{list_s * 1000:.1f} ms vs {floor_s * 1000:.1f} ms: **+{(list_s - floor_s) * 1000:.1f} ms** "
                        f"(floor with GRDB and Foundation: {grdb_s * 1000:.1f} ms; sqlite3: {sqlite_s * 1000:.1f} ms)",
                        "≤ +1 ms", list_s - floor_s <= 0.001))
        results.append(("`watchlist --help`", "`watchlist --help` (the same run)", f"{help_s * 1000:.1f} ms (floor {floor_s * 1000:.1f} ms)",
                        "≤ floor + 1 ms", help_s - floor_s <= 0.001))


def scale_database():
    db = os.path.join(work, "scale.sqlite")
    ours, theirs = compare("`list --json`, 100,000 films: ratio", w(db, "list", "--json"), sq(db, LIST_SQL, "-json"), 2.0,
                           theirs_label="`sqlite3 -json` running the list query")
    results.append(("`list --json`, 100,000 films: time", "(the same run)", f"{ours:.2f} s", "≤ 0.3 s", ours <= 0.3))
    memory = peak_kib(w(db, "list", "--json")) / 1024
    results.append(("`list --json`, 100,000 films: memory", "`watchlist list --json > /dev/null`", f"peak {memory:.0f} MiB", "≤ 50 MiB", memory <= 50))
    for form in ("json", "letterboxd"):
        [seconds] = hyperfine([w(db, "export", "--format", form)])
        memory = peak_kib(w(db, "export", "--format", form)) / 1024
        results.append((f"`export --format {form}`, 1,000,000 viewings", f"`watchlist export --format {form} > /dev/null`",
                        f"{seconds:.2f} s, peak {memory:.0f} MiB", "≤ 5 s, ≤ 100 MiB", seconds <= 5 and memory <= 100))
    diary = os.path.join(work, "diary-1000000.csv")
    imported, plain = os.path.join(work, "imported.sqlite"), os.path.join(work, "plain.sqlite")
    ours, theirs = hyperfine([w(imported, "import", diary, "--add-missing"),
                              f"sqlite3 {plain} -cmd '.mode csv' '.import {diary} diary'"],
                             runs=3, warmup=0, prepare=f"rm -f {imported} {imported}-journal {plain}")
    results.append(("import a 1,000,000-row Letterboxd diary (100,000 films, fresh database)",
                    f"`watchlist import diary.csv --add-missing` vs `sqlite3 .import` into a plain table (3 runs)",
                    f"{ours:.2f} s vs {theirs:.2f} s: **{ours / theirs:.2f}×**", "≤ 3×", ours / theirs <= 3))
    subprocess.run(["rm", "-f", imported])
    _, kib = timed(w(imported, "import", diary, "--add-missing"))
    results.append(("import a 1,000,000-row diary: memory", "(one more run)", f"peak {kib / 1024:.0f} MiB", "≤ 100 MiB", kib / 1024 <= 100))
    wide = os.path.join(work, "diary-100000-films.csv")
    ours, theirs = hyperfine([w(imported, "import", wide, "--add-missing"),
                              f"sqlite3 {plain} -cmd '.mode csv' '.import {wide} diary'"],
                             runs=3, warmup=0, prepare=f"rm -f {imported} {imported}-journal {plain}")
    results.append(("import a 100,000-row diary of 100,000 films (every row creates a film)",
                    "`watchlist import diary.csv --add-missing` vs `sqlite3 .import` (3 runs)",
                    f"{ours:.2f} s vs {theirs:.3f} s: **{ours / theirs:.1f}×**", "≤ 10×", ours / theirs <= 10))
    [resolve, exact] = hyperfine([w(db, "show", "film 054321"), w(db, "show", "Scale Film 054321 (1941)")], runs=30, warmup=3)
    results.append(("resolve a film among 100,000 (the whole `show` process)", "`show 'film 054321'` (part of a title), `show 'Scale Film 054321 (1941)'`",
                    f"{resolve * 1000:.1f} ms, {exact * 1000:.1f} ms", "≤ 20 ms", max(resolve, exact) <= 0.020))
    [summary] = hyperfine([w(db)], runs=30, warmup=3)
    results.append(("`watchlist` alone, 100 collections, 1,000,000 viewings", "`watchlist`", f"{summary * 1000:.1f} ms", "≤ 100 ms", summary <= 0.100))


def growth():
    """For each size: import a diary of that many rows into a fresh database (time, peak
    memory), `list --json` and `export` of what it made, then `undo` of the import."""
    rows = []
    for size in [int(x) for x in os.environ.get("BENCH_SIZES", "1000 10000 100000 1000000 10000000").split()]:
        db = os.path.join(work, f"growth-{size}.sqlite")
        # One file, or its parts (make-scale-diary.py), all in one import.
        diaries = sorted(glob.glob(os.path.join(work, f"diary-{size}.part*.csv"))) or [os.path.join(work, f"diary-{size}.csv")]
        subprocess.run(["rm", "-f", db])
        load, load_kib = timed(w(db, "import", *diaries, "--add-missing"))
        runs = 1 if size >= 1_000_000 else 5
        [listing, export] = hyperfine([w(db, "list", "--json"), w(db, "export")], runs=runs, warmup=1)
        list_kib, export_kib = peak_kib(w(db, "list", "--json")), peak_kib(w(db, "export"))
        undo, undo_kib = timed(w(db, "undo"))
        rows.append((size, listing, export, load, undo, list_kib / 1024, export_kib / 1024, load_kib / 1024, undo_kib / 1024))
        subprocess.run(["rm", "-f", db])
    largest = rows[-1]
    results.append((f"memory flat: import of a {largest[0]:,}-row diary", "(growth table)", f"peak {largest[7]:.0f} MiB", "≤ 100 MiB", largest[7] <= 100))
    for row in rows:
        if row[0] >= 100_000:
            results.append((f"`undo` of a {row[0]:,}-row import", "(growth table: one run each)", f"{row[4]:.2f} s vs the import's {row[3]:.2f} s",
                            "≤ the import's time", row[4] <= row[3]))
    return rows


def plot(rows):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    sizes = [r[0] for r in rows]
    figure, (times, memory) = plt.subplots(1, 2, figsize=(11, 4.2))
    for index, label in ((1, "list --json"), (2, "export (json)"), (3, "import (diary)"), (4, "undo of the import")):
        times.plot(sizes, [r[index] for r in rows], marker="o", label=label)
        memory.plot(sizes, [r[index + 4] for r in rows], marker="o", label=label)
    times.plot(sizes, [rows[0][3] * s / sizes[0] for s in sizes], linestyle=":", color="grey", label="linear (from import at 1k)")
    for axis, title, unit in ((times, "Time", "seconds (median)"), (memory, "Peak memory", "MiB")):
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("diary rows = viewings (films = rows / 10)")
        axis.set_ylabel(unit)
        axis.set_title(title)
        axis.grid(True, which="both", alpha=0.3)
        axis.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(os.path.join(root, "docs", "benchmarks-growth.png"), dpi=110)


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    cores = os.cpu_count()
    memory = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))) // 1024 // 1024
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    hyper = subprocess.run(["hyperfine", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{cpu}, {cores} cores, {memory} GiB; {platform.platform()}; {swift}; sqlite3 {sqlite}; {hyper}"


def main():
    started = datetime.datetime.now(datetime.timezone.utc)
    small_database()
    scale_database()
    rows = growth()
    plot(rows)
    met = sum(1 for r in results if r[4])
    lines = [
        f"Measured {started:%Y-%m-%d %H:%M} UTC by `scripts/bench.sh` on: {machine()}.",
        f"Binary: `swift build -c release --static-swift-stdlib`. Times are hyperfine medians ({RUNS} runs unless said; 30 for the small commands), "
        "each watchlist command in the same hyperfine run as its sqlite3 counterpart; memory is GNU time's peak resident size.",
        "",
        f"**{met} of {len(results)} targets met.**",
        "",
        "| target | commands | measured | limit | met |",
        "|---|---|---|---|---|",
    ]
    for target, command, measured, limit, ok in results:
        lines.append(f"| {target} | {command} | {measured} | {limit} | {'yes' if ok else '**missed**'} |")
    lines += ["", "### Growth", "",
              "A diary of that many rows imported into a fresh database (one run, GNU time; 10,000,000 rows are two files of "
              "5,000,000, since import reads a file of at most 512 MiB, given to one import), then `list --json` and `export` of it "
              "(hyperfine medians: 5 runs, 1 from 1,000,000 rows), then `undo` of the import (one run).", "",
              "| diary rows | films | `import` | `list --json` | `export` (json) | `undo` | peak memory: import / list / export / undo |",
              "|---:|---:|---:|---:|---:|---:|---|"]
    for size, listing, export, load, undo, m1, m2, m3, m4 in rows:
        lines.append(f"| {size:,} | {size // 10:,} | {load:.2f} s | {listing:.3f} s | {export:.3f} s | {undo:.2f} s | {m3:.0f} / {m1:.0f} / {m2:.0f} / {m4:.0f} MiB |")
    lines += ["", "![Time and peak memory against size](docs/benchmarks-growth.png)", "",
              "The SQL sqlite3 ran:", "", "- list query: `" + " ".join(LIST_SQL.split()) + "`",
              "- show queries: `" + SHOW_SQL + "`", "- summary queries: `" + SUMMARY_SQL + "`"]
    path = os.path.join(root, "BENCHMARKS.md")
    text = open(path).read()
    head, rest = text.split("<!-- results:start -->", 1)
    _, tail = rest.split("<!-- results:end -->", 1)
    open(path, "w").write(head + "<!-- results:start -->\n" + "\n".join(lines) + "\n<!-- results:end -->" + tail)
    print("\n".join(lines))


main()
