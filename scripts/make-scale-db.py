#!/usr/bin/env python3
"""Builds a watchlist database of a given size, deterministically (no randomness): the same
arguments always give the same content. Used by scripts/bench.sh.

  scripts/make-scale-db.py OUT [--viewings N]

N viewings (default 1,000,000) over N/10 films in 100 collections of equal size, a rating for
every film and a note for every film. The default is the benchmark's scale database: 100,000
films, 100 collections, 1,000,000 viewings, 100,000 ratings, 100,000 notes.
"""
import argparse, datetime, glob, os, re, sqlite3

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def title(i):
    return f"Scale Film {i:06d}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--viewings", type=int, default=1_000_000)
    args = parser.parse_args()
    viewings = args.viewings
    films = max(100, viewings // 10)
    collections = 100 if films >= 10_000 else 10  # films divide evenly into collections
    if os.path.exists(args.out):
        os.remove(args.out)
    db = sqlite3.connect(args.out, isolation_level=None)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
    schema = sorted(glob.glob(os.path.join(root, "Schema", "v*.sql")), key=lambda p: int(re.match(r"v(\d+)_", os.path.basename(p)).group(1)))
    for file in schema:
        db.executescript(open(file, encoding="utf-8").read())
        db.execute("INSERT INTO grdb_migrations VALUES (?)", (os.path.basename(file)[:-4],))
    at = "2026-01-01T00:00:00Z"
    db.execute("BEGIN")
    db.executemany("INSERT INTO collection (id, slug, title, description, builtIn, createdAt) VALUES (?, ?, ?, ?, 0, ?)",
                   ((c + 1, f"scale-{c + 1:03d}", f"Scale Collection {c + 1}", "A collection of the scale database.", at) for c in range(collections)))
    db.executemany("INSERT INTO film (id, title, year, description, fact, titleKey) VALUES (?, ?, ?, ?, ?, ?)",
                   ((i, title(i), 1920 + i % 100, f"Description of film {i}.", f"A fact about film {i}.", title(i).lower()) for i in range(1, films + 1)))
    per = films // collections
    db.executemany("INSERT INTO collectionFilm (collectionId, filmId, position) VALUES (?, ?, ?)",
                   (((i - 1) // per + 1, i, (i - 1) % per + 1) for i in range(1, films + 1)))
    base = datetime.date(2000, 1, 1)
    db.executemany("INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt) VALUES (?, ?, ?, ?)",
                   ((j % films + 1, (base + datetime.timedelta(days=(j * 37) % 9000)).isoformat(), 1 if j >= films else 0, at) for j in range(viewings)))
    db.executemany("INSERT INTO rating (filmId, halfStars, ratedAt) VALUES (?, ?, ?)", ((i, i % 10 + 1, at) for i in range(1, films + 1)))
    db.executemany("INSERT INTO note (filmId, text, createdAt, updatedAt) VALUES (?, ?, ?, ?)",
                   ((i, f"Note on film {i}: it was, \"on the whole\", worth it.", at, at) for i in range(1, films + 1)))
    db.executemany("INSERT INTO filmTag (filmId, tag, addedAt) VALUES (?, ?, ?)", ((i, f"tag{i % 20}", at) for i in range(1, films + 1, 3)))
    db.execute("COMMIT")
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    print(f"{args.out}: {films} films, {collections} collections, {viewings} viewings, {films} ratings, {films} notes")


main()
