#!/usr/bin/env python3
"""Counts, independently of watchlist, what importing each real export into a fresh database
with --add-missing must report, by the import rules in README.md ("Import"). The numbers it
prints are the ones Tests/WatchlistCLITests/RealExportTests.swift expects.

Usage: scripts/count-real-exports.py [../shared/fixtures/real-exports]
"""
import csv, io, os, sys, unicodedata

ARTICLES = {"the", "a", "an"}
BUILT_IN = {("ascent", 1977), ("white sun of the desert", 1970), ("dawns here are quiet", 1972),
            ("cold summer of 1953", 1988), ("seventh bullet", 1972), ("edge", 1990), ("flight", 1970),
            ("star", 2002), ("alive and the dead", 1964), ("red tent", 1969)}
IMDB_FILMS = {"movie", "tvmovie", "short", "video", "feature film", "tv movie", "short film", "documentary"}


def fold(title):
    text = unicodedata.normalize("NFKD", title.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("'", "").replace("\u2019", "")
    words = "".join(c if c.isalnum() else " " for c in text).split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def rows(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def key(title, year):
    return (fold(title), int(year) if year.strip() else None)


def letterboxd(folder):
    files = {name: os.path.join(folder, name) for name in
             ["diary.csv", "ratings.csv", "watched.csv", "watchlist.csv", "reviews.csv", "likes/films.csv"]
             if os.path.exists(os.path.join(folder, name))}
    data = {name: rows(path) for name, path in files.items()}
    films, viewings, ratings, tags = [], {}, {}, {}
    def film(row):
        k = key(row["Name"], row["Year"])
        if k not in films:
            films.append(k)
        return k
    latest = {}
    for row in data.get("diary.csv", []):
        k = film(row)
        viewings[k] = viewings.get(k, 0) + 1
        for tag in filter(None, (t.strip().lower() for t in row["Tags"].split(","))):
            tags.setdefault(k, set()).add(tag)
        if row["Rating"].strip():
            if k not in latest or row["Watched Date"] >= latest[k]:
                latest[k] = row["Watched Date"]
                ratings[k] = row["Rating"]
    for row in data.get("ratings.csv", []):
        ratings[film(row)] = row["Rating"]
    for row in data.get("watched.csv", []):
        k = film(row)
        viewings.setdefault(k, 1)
    for row in data.get("likes/films.csv", []):
        tags.setdefault(film(row), set()).add("liked")
    notes = sum(1 for row in data.get("reviews.csv", []) if row["Review"].strip())
    for row in data.get("reviews.csv", []):
        film(row)
    matched = sum(1 for k in films if k in BUILT_IN)
    return {"files": len(files), "rows": sum(len(r) for r in data.values()), "matched": matched,
            "created": len(films) - matched, "viewings": sum(viewings.values()), "ratings": len(ratings),
            "notes": notes, "tags": sum(len(t) for t in tags.values()), "watchlist": len(data.get("watchlist.csv", []))}


def imdb(path):
    data = rows(path)
    films, skipped = [], {}
    for row in data:
        kind = row.get("Title Type", row.get("Title type", ""))
        if kind.lower() not in IMDB_FILMS:
            skipped[kind] = skipped.get(kind, 0) + 1
            continue
        k = key(row["Title"], row["Year"])
        if k not in films:
            films.append(k)
    matched = sum(1 for k in films if k in BUILT_IN)
    return {"files": 1, "rows": len(data), "matched": matched, "created": len(films) - matched,
            "viewings": 0, "ratings": len(films), "notes": 0, "tags": 0, "skipped": skipped}


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../shared/fixtures/real-exports")
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if not os.path.isdir(folder):
            continue
        counts = letterboxd(folder) if name.startswith("letterboxd") else imdb(os.path.join(folder, "ratings.csv"))
        print(name, counts)


main()
