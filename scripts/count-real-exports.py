#!/usr/bin/env python3
"""Counts, independently of watchlist, what importing a real export into a fresh database with
--add-missing must do, by the import rules in README.md ("Importing"), reading the files with
Python's csv module. Tests/WatchlistCLITests/RealExportTests.swift runs it and compares its
numbers with the import's report and the export that follows.

It reads ../shared/fixtures/real-exports and real-exports-older alike: IMDb's exports of every
era (today's, and before late 2017, whose one header serves ratings, lists, the watchlist and
check-ins) and Letterboxd's.

Usage: scripts/count-real-exports.py FOLDER...     (prints one JSON object a folder, a line each)
"""
import csv, html, io, json, os, re, sys, unicodedata

ARTICLES = {"the", "a", "an"}
# The built-in collection's films, folded, with their years: an export's row for one of them
# matches it instead of creating a film.
BUILT_IN = {("ascent", 1977), ("white sun of the desert", 1970), ("dawns here are quiet", 1972),
            ("cold summer of 1953", 1988), ("seventh bullet", 1972), ("edge", 1990), ("flight", 1970),
            ("star", 2002), ("alive and the dead", 1964), ("red tent", 1969)}
UNDECOMPOSED = {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}


def fold(title):
    text = unicodedata.normalize("NFKD", title.casefold())
    text = "".join(UNDECOMPOSED.get(c, c) for c in text if not unicodedata.combining(c))
    text = text.replace("'", "").replace("\u2019", "")
    words = "".join(c if c.isalnum() else " " for c in text).split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def decode(raw):
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def table(path):
    return list(csv.DictReader(io.StringIO(decode(open(path, "rb").read()), newline="")))


def plain(review):
    text = re.sub(r"(?i)<br\s*/?>", "\n", review)
    text = re.sub(r"(?i)</p>\s*", "\n\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()


def tags_of(cell):
    return {" ".join(t.lower().split()) for t in cell.split(",") if t.strip()}


class Films:
    """Films of one import, by the rules of README.md: a row with a film link is the film that
    has that link; else a film with the same title (as written) and year and no other link;
    else a new film."""

    def __init__(self):
        self.films = []      # each: {"title": (name, year), "links": set()}
        self.by_link = {}
        self.by_title = {}

    def film(self, name, year, link=None):
        if link and link in self.by_link:
            return self.by_link[link]
        for index in self.by_title.get((name, year), []):
            links = self.films[index]["links"]
            if not link or not links or link in links:
                break
        else:
            index = len(self.films)
            self.films.append({"title": (name, year), "links": set()})
            self.by_title.setdefault((name, year), []).append(index)
        if link:
            self.films[index]["links"].add(link)
            self.by_link[link] = index
        return index

    def roots(self):
        return set(range(len(self.films)))

    def titled(self, index):
        return self.films[index]["title"]


def year(cell):
    return int(cell) if cell.strip() else None


def letterboxd(folder):
    result = {"files": 0, "rows": 0}
    films = Films()
    dated, placeholder_wanted, rated, notes, tags, history = {}, set(), set(), {}, {}, set()
    lists = {}
    paths = []
    for root, _, names in os.walk(folder):
        for name in names:
            paths.append(os.path.relpath(os.path.join(root, name), folder))
    for rel in sorted(paths):
        parts = rel.lower().split(os.sep)
        if any(p in ("deleted", "orphaned") for p in parts) or parts[-1] in ("comments.csv", "profile.csv"):
            continue
        if parts[:1] == ["likes"] and parts[-1] != "films.csv":
            continue
        raw = open(os.path.join(folder, rel), "rb").read()
        if raw and set(raw) == {0}:
            continue  # a file of nothing but NUL bytes: ignored, with a warning
        result["files"] += 1
        if parts[0] == "lists":
            text = decode(raw)
            head, _, entries = text.partition("\nPosition,")
            rows = list(csv.DictReader(io.StringIO("Position," + entries, newline="")))
            rows.sort(key=lambda r: int(r["Position"]))
            result["rows"] += len(rows)
            slug = re.sub(r"[^a-z0-9]+", "-", os.path.splitext(parts[-1])[0]).strip("-")
            order = []
            for r in rows:
                root = films.film(r["Name"], year(r["Year"]), r["URL"])
                if root not in order:
                    order.append(root)
            lists[slug] = order
            continue
        rows = table(os.path.join(folder, rel))
        result["rows"] += len(rows)
        name = parts[-1]
        if name == "watchlist.csv":
            lists.setdefault("letterboxd-watchlist", [])
        for r in rows:
            link = None if name in ("diary.csv", "reviews.csv") else r["Letterboxd URI"]
            root = films.film(r["Name"], year(r["Year"]), link)
            if name == "watchlist.csv":
                if root not in lists["letterboxd-watchlist"]:
                    lists["letterboxd-watchlist"].append(root)
                continue
            history.add(root)
            if name == "diary.csv":
                dated[root] = dated.get(root, 0) + 1
                tags.setdefault(root, set()).update(tags_of(r["Tags"]))
                if r["Rating"]:
                    rated.add(root)
            elif name == "reviews.csv":
                text = plain(r["Review"])
                if text:
                    notes.setdefault(root, set()).add(text)
                tags.setdefault(root, set()).update(tags_of(r["Tags"]))
            elif name == "ratings.csv":
                rated.add(root)
            elif name == "watched.csv":
                placeholder_wanted.add(root)
            elif parts[-2:] == ["likes", "films.csv"]:
                tags.setdefault(root, set()).add("liked")
    roots = films.roots()
    matched = {r for r in roots if (fold(films.titled(r)[0]), films.titled(r)[1]) in BUILT_IN}
    result["films"] = {"created": len(roots - matched), "matched": len(matched)}
    result["viewings"] = sum(dated.values())
    result["placeholders"] = len({r for r in placeholder_wanted if r not in dated})
    result["ratings"] = len(rated)
    result["notes"] = sum(len(v) for v in notes.values())
    result["tags"] = sum(len(v) for v in tags.values())
    created = ["letterboxd"] if history - matched else []
    # A watchlist with no film makes no collection; an empty list is made (--add-missing).
    lists = {slug: order for slug, order in lists.items() if order or slug != "letterboxd-watchlist"}
    result["collectionsCreated"] = sorted(created + list(lists))
    result["lists"] = {slug: ["%s (%s)" % films.titled(r) if films.titled(r)[1] else films.titled(r)[0] for r in order]
                       for slug, order in lists.items()}
    return result


IMDB_FILM_TYPES = {"movie", "tvmovie", "short", "video", "featurefilm", "shortfilm", "documentary"}


def names(cell):
    """A Directors or Genres cell as a list: split at commas, spaces collapsed, each once."""
    values = []
    for part in cell.split(","):
        value = " ".join(part.split())
        if value and value not in values:
            values.append(value)
    return values


def ranked(entries, top=5):
    """(name, films, average rating) of the most-watched, most films first, then by name."""
    counts = {}
    for values, stars in entries:
        for name in set(values):
            films, rated, total = counts.get(name, (0, 0, 0.0))
            counts[name] = (films + 1, rated + (stars is not None), total + (stars or 0))
    order = sorted(counts.items(), key=lambda item: (-item[1][0], item[0]))[:top]
    return [[name, films, total / rated if rated else None] for name, (films, rated, total) in order]


def imdb(folder):
    result = {"files": 0, "rows": 0, "skippedTitleTypes": {}}
    films, placeholders, ratings, alternative = set(), set(), set(), set()
    facts, rated_on, stars = {}, {}, {}  # by const: directors/genres/runtime; the year rated; the rating in stars
    lists = {}
    this_year = int((os.environ.get("WATCHLIST_NOW") or "2026")[:4])
    viewings = 0
    for name in sorted(os.listdir(folder)):
        rows = table(os.path.join(folder, name))
        result["files"] += 1
        result["rows"] += len(rows)
        # IMDb's exports before late 2017 share one header (lower-case "const", "You rated");
        # the file's name says what it is: ratings, WATCHLIST, CHECKINS, or a list.
        old = bool(rows) and "const" in rows[0]
        role = ("ratings" if name.lower().startswith("ratings") else "watchlist" if name.lower().startswith("watchlist")
                else "checkins" if "checkin" in name.lower() else "list") if old else None
        is_list = role in ("watchlist", "list") if old else ("Position" in rows[0] if rows else False)
        rating_column = "You rated" if old else "Your Rating"
        order = []
        for r in rows:
            kind = r.get("Title Type") or r.get("Title type") or ""
            if re.sub(r"[^a-z]", "", kind.lower()) not in IMDB_FILM_TYPES:
                result["skippedTitleTypes"][kind] = result["skippedTitleTypes"].get(kind, 0) + 1
                continue
            const = r.get("Const") or r.get("const")
            films.add(const)
            if r.get("Original Title") and r["Original Title"] != r["Title"]:
                alternative.add(const)
            known = facts.setdefault(const, {})
            for key, column in (("directors", "Directors"), ("genres", "Genres")):
                if names(r.get(column) or ""):
                    known[key] = names(r[column])
            runtime = (r.get("Runtime (mins)") or "").strip()
            if runtime and int(runtime) > 0:
                known["runtime"] = int(runtime)
            if role == "checkins":
                viewings += 1
            if (r.get(rating_column) or "").strip():
                ratings.add(const)
                placeholders.add(const)
                # A list's rating has no day: the title counts as watched when it was imported.
                rated_on[const] = (int(r["created"].split()[-1]) if role in ("ratings", "checkins")
                                   else this_year if old else int(r["Date Rated"][:4]))
                stars[const] = int(r.get(rating_column)) / 2
            if is_list and const not in order:
                order.append(const)
        if is_list:
            slug = "imdb-watchlist" if name.lower().startswith("watchlist") else re.sub(r"[^a-z0-9]+", "-", os.path.splitext(name.lower())[0]).strip("-")
            lists[slug] = [next("%s (%s)" % (r["Title"], r["Year"]) if r["Year"] else r["Title"]
                                for r in rows if (r.get("Const") or r.get("const")) == c) for c in order]
    result["films"] = {"created": len(films), "matched": 0}
    result["viewings"] = viewings
    result["placeholders"] = len(placeholders)
    result["ratings"] = len(ratings)
    result["notes"] = 0
    result["tags"] = 0
    result["alternativeTitles"] = len(alternative)
    lists = {slug: order for slug, order in lists.items() if order}
    result["collectionsCreated"] = sorted((["imdb"] if ratings else []) + list(lists))
    result["lists"] = lists
    result["facts"] = {key: sum(1 for known in facts.values() if key in known) for key in ("directors", "genres", "runtime")}
    # The year in review of each year: a rated title is watched on an unknown day, counted in the
    # year it was rated.
    review = {}
    for year in sorted(set(rated_on.values())):
        watched = [c for c in rated_on if rated_on[c] == year]
        review[str(year)] = {
            "viewings": len(watched),
            "minutes": sum(facts[c].get("runtime", 0) for c in watched),
            "unknownRuntime": sum(1 for c in watched if "runtime" not in facts[c]),
            "directors": ranked([(facts[c].get("directors", []), stars[c]) for c in watched]),
            "genres": ranked([(facts[c].get("genres", []), stars[c]) for c in watched]),
        }
    result["review"] = review
    return result


def count(folder):
    name = os.path.basename(os.path.normpath(folder))
    result = imdb(folder) if name.startswith("imdb") else letterboxd(folder)
    result["folder"] = name
    return result


if __name__ == "__main__":
    for folder in sys.argv[1:]:
        print(json.dumps(count(folder), sort_keys=True, ensure_ascii=False))
