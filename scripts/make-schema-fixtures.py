#!/usr/bin/env python3
"""Writes Tests/Fixtures/schema-vN.sqlite for every shipped schema version N: a database as
that version of watchlist left it, built from Schema/v1…vN.sql and the built-in collection,
holding a little of everything that version could record. The tests open each with the
current build and check that it migrates with nothing lost.

Run it when a migration ships (a new Schema/vN_….sql); commit the new fixture. Existing
fixtures never change, since shipped migrations never do.

Usage: scripts/make-schema-fixtures.py [--force]   (writes only the fixtures that are missing)
"""
import glob, hashlib, os, re, sqlite3, struct, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
schema = sorted(glob.glob(os.path.join(root, "Schema", "v*.sql")), key=lambda p: int(re.match(r"v(\d+)_", os.path.basename(p)).group(1)))
seed = open(os.path.join(root, "Schema", "collections", "soviet-survival-films.txt"), encoding="utf-8").read()
films = re.findall(r"^(.+) \((\d{4})\)\nDescription: (.+)\nFact: (.+)$", seed, re.M)
intro = seed.split("\n\n")[0].strip()
assert len(films) == 10


UNDEFINED = object()


def varint(n):
    """SQLite's variable-length integer (big-endian, 7 bits a byte)."""
    assert 0 <= n < 1 << 56
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    return bytes(reversed(out))


def value(v):
    if v is UNDEFINED:
        return b"\x00"
    if v is None:
        return b"\x05"
    if isinstance(v, int):
        return b"\x01" + struct.pack(">q", v)
    data = v.encode("utf-8")
    return b"\x03" + varint(len(data)) + data


def changeset(table, primary_key, changes):
    """A changeset of one table in SQLite's session format (sqlite3session.h): the table's
    header, then each change: ("insert", row) or ("update", old, new)."""
    out = b"T" + varint(len(primary_key)) + bytes(primary_key) + table.encode() + b"\x00"
    for change in changes:
        if change[0] == "insert":
            out += bytes([18, 0]) + b"".join(value(v) for v in change[1])
        else:
            out += bytes([23, 0]) + b"".join(value(v) for v in change[1]) + b"".join(value(v) for v in change[2])
    return out


def fold(title):
    words = re.sub(r"[^0-9a-z]+", " ", title.lower().replace("'", "")).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in ("the", "a", "an") else words)


def derived(*parts):
    """A derived key (Sources/WatchlistCore/Store/RowKey.swift): the first 63 bits of the
    SHA-256 of the parts joined by U+001F; written here apart from the Swift, as a check on it."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return (int.from_bytes(digest[:8], "big") >> 1) or 1


def under_film(film, key):
    """A viewing's or fact's key under its film's first 16 bits (RowKey.underFilm)."""
    low = 63 - 16
    return ((film >> low) << low | (key & ((1 << low) - 1))) or 1


def rekey(db):
    """v10: every row named by the key derived from what it is; the numbers shown stay the old
    ids (filmNumber, noteNumber). Returns the films' and notes' new keys by old id."""
    films = {film: derived("film", "title", title, "" if year is None else str(year))
             for film, title, year in db.execute("SELECT id, title, year FROM film ORDER BY id").fetchall()}
    seen, viewings = {}, {}
    for viewing, film, day, placeholder in db.execute("SELECT id, filmId, watchedOn, placeholder FROM viewing ORDER BY id").fetchall():
        slot = (film, "placeholder" if placeholder else day or "unknown")
        viewings[viewing] = under_film(films[film], derived("viewing", str(films[film]), slot[1], str(seen.get(slot, 0))))
        seen[slot] = seen.get(slot, 0) + 1
    notes = {note: derived("note", source) if source else derived("note", str(films[film]), text)
             for note, film, source, text in db.execute("SELECT id, filmId, source, text FROM note").fetchall()}
    facts = {fact: under_film(films[film], derived("fact", str(films[film]), source, field, str(position)))
             for fact, film, source, field, position in db.execute("SELECT id, filmId, source, field, position FROM filmFact").fetchall()}
    collections = {c: derived("collection", "origin", origin) if origin else derived("collection", "slug", slug)
                   for c, origin, slug in db.execute("SELECT id, origin, slug FROM collection").fetchall()}
    db.execute("PRAGMA foreign_keys = OFF")
    for table, keys, references in (("film", films, ("viewing", "rating", "note", "filmTag", "filmTitle", "filmIdentifier", "filmFact", "collectionFilm")),
                                    ("viewing", viewings, ()), ("note", notes, ()), ("filmFact", facts, ()),
                                    ("collection", collections, ())):
        column = "collectionId" if table == "collection" else "filmId"
        for old, new in keys.items():
            db.execute(f"UPDATE {table} SET id = ? WHERE id = ?", (-new, old))
            for child in references:
                db.execute(f"UPDATE {child} SET {column} = ? WHERE {column} = ?", (-new, old))
        db.execute(f"UPDATE {table} SET id = -id WHERE id < 0")
        for child in references:
            db.execute(f"UPDATE {child} SET {column} = -{column} WHERE {column} < 0")
    for old, new in collections.items():
        db.execute("UPDATE collectionFilm SET collectionId = ? WHERE collectionId = ?", (new, old))
    for old, new in sorted(films.items()):
        db.execute("INSERT INTO filmNumber (number, filmId) VALUES (?, ?)", (old, new))
    for old, new in sorted(notes.items()):
        db.execute("INSERT INTO noteNumber (number, noteId) VALUES (?, ?)", (old, new))
    return films, notes, facts


for version in range(1, len(schema) + 1):
    path = os.path.join(root, "Tests", "Fixtures", f"schema-v{version}.sqlite")
    if os.path.exists(path):
        if "--force" not in sys.argv:
            continue
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
    for file in schema[:version]:
        db.executescript(open(file, encoding="utf-8").read())
        db.execute("INSERT INTO grdb_migrations VALUES (?)", (os.path.basename(file)[:-4],))
    at = "2026-01-01T10:00:00Z"
    db.execute("INSERT INTO collection (id, slug, title, description, builtIn, createdAt) VALUES (1, 'soviet-survival', 'Soviet Survival Films', ?, 1, ?)", (intro, at))
    for position, (title, year, description, fact) in enumerate(films, 1):
        db.execute("INSERT INTO film (id, title, year, description, fact, titleKey) VALUES (?, ?, ?, ?, ?, ?)",
                   (position, title, int(year), description, fact, fold(title)))
        db.execute("INSERT INTO collectionFilm (collectionId, filmId, position) VALUES (1, ?, ?)", (position, position))
    db.execute("INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt) VALUES (1, '2020-01-01', 0, ?)", (at,))
    db.execute("INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt) VALUES (1, '2021-02-02', 1, ?)", (at,))
    db.execute("INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt) VALUES (10, NULL, 0, ?)", (at,))
    db.execute("INSERT INTO rating (filmId, halfStars, ratedAt) VALUES (1, 9, ?)", (at,))
    db.execute("INSERT INTO note (filmId, text, createdAt, updatedAt) VALUES (1, 'Written by schema version %d.', ?, ?)" % version, (at, at))
    if version >= 2:
        db.execute("INSERT INTO filmTag (filmId, tag, addedAt) VALUES (1, 'winter', ?)", (at,))
    if version >= 3:
        db.execute("INSERT INTO note (filmId, text, createdAt, updatedAt) VALUES (10, 'Icebreakers and airships.', ?, ?)", (at, at))
    if version >= 5:
        db.execute("INSERT INTO filmIdentifier (filmId, kind, value) VALUES (1, 'imdb', 'tt0075404')")
        db.execute("INSERT INTO filmTitle (filmId, title, titleKey) VALUES (1, 'Voskhozhdenie', 'voskhozhdenie')")
        db.execute("INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt, placeholder) VALUES (8, NULL, 0, ?, 1)", (at,))
    # From v9 a change's record is its changeset, not an undo log nor an import's id.
    logged = version < 9
    import_id = ", 2" if logged else ""
    import_column = ", importId" if logged else ""
    if version >= 6:
        # An import, undoable by its id (before v9; a v9 database holds it as an older entry
        # that cannot be undone), and a rating change logged as data (v9: its changeset).
        db.execute("INSERT INTO history (id, at, command, summary, undoable) VALUES (2, ?, 'import diary.csv', 'Imported 1 film', ?)", (at, 1 if logged else 0))
        db.execute(f"INSERT INTO film (id, title, year, description, fact, titleKey{import_column}) VALUES (11, 'Stalker', 1979, '', '', 'stalker'{import_id})")
        db.execute(f"INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt{import_column}) VALUES (11, '2024-03-03', 0, ?{import_id})", (at,))
        db.execute("INSERT INTO history (id, at, command, summary) VALUES (3, ?, 'rate ascent 5', 'Rated The Ascent (1977) 5')", (at,))
        if logged:
            db.execute("INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, k0) VALUES (3, 'rating', 'update', 1, 9, ?, NULL, 1)", (at,))
        else:
            db.execute("INSERT INTO historyChange (historyId, part, changeset) VALUES (3, 0, ?)",
                       (changeset("rating", [1, 0, 0], [("update", [1, 9, UNDEFINED], [UNDEFINED, 10, UNDEFINED])]),))
        db.execute("UPDATE rating SET halfStars = 10 WHERE filmId = 1")
        # From v6 the tool keeps the search index itself.
        db.execute("""DELETE FROM filmSearch""")
        db.execute("""INSERT INTO filmSearch (rowid, title, description, fact, notes, tags)
            SELECT f.id, f.title || coalesce((SELECT ' / ' || group_concat(title, ' / ') FROM filmTitle WHERE filmId = f.id), ''),
                   f.description, f.fact, (SELECT group_concat(text, ' ') FROM note WHERE filmId = f.id),
                   (SELECT group_concat(tag, ' ') FROM filmTag WHERE filmId = f.id)
            FROM film f""")
    if version >= 7:
        # Facts from two sources, a person's change logged as data, and directors in the index.
        db.execute(f"INSERT INTO filmFact (filmId, source, field, position, value, valueKey{import_column}) VALUES (11, 'imdb', 'director', 0, 'Andrei Tarkovsky', 'andrei tarkovsky'{import_id})")
        db.execute(f"INSERT INTO filmFact (filmId, source, field, position, value, valueKey{import_column}) VALUES (11, 'imdb', 'runtime', 0, '162', '162'{import_id})")
        db.execute("INSERT INTO history (id, at, command, summary) VALUES (4, ?, 'film set ascent --runtime 111', 'Set the runtime of The Ascent (1977)')", (at,))
        db.execute("INSERT INTO filmFact (id, filmId, source, field, position, value, valueKey) VALUES (50, 1, 'user', 'runtime', 0, '111', '111')")
        if logged:
            db.execute("INSERT INTO undoLog (historyId, tableName, operation, k0) VALUES (4, 'filmFact', 'insert', 50)")
        else:
            db.execute("INSERT INTO historyChange (historyId, part, changeset) VALUES (4, 0, ?)",
                       (changeset("filmFact", [1, 0, 0, 0, 0, 0, 0], [("insert", [50, 1, "user", "runtime", 0, "111", "111"])]),))
        db.execute("UPDATE filmSearch SET people = 'Andrei Tarkovsky' WHERE rowid = 11")
    if version >= 8:
        # A review's note the person edited (the review's text kept beside it), the edit logged as data.
        link = "https://letterboxd.com/someone/film/stalker/"
        db.execute("INSERT INTO note (id, filmId, text, createdAt, updatedAt, source, importedText) VALUES (40, 11, 'My own words.', ?, ?, ?, 'The review as imported.')", (at, at, link))
        db.execute("INSERT INTO history (id, at, command, summary) VALUES (5, ?, ?, 'Edited note 40 on Stalker (1979)')", (at, "note edit 40 'My own words.'"))
        if logged:
            db.execute("INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, v5, v6, v7, k0) VALUES (5, 'note', 'update', 40, 11, 'The review as imported.', ?, ?, ?, NULL, NULL, 40)", (at, at, link))
        else:
            db.execute("INSERT INTO historyChange (historyId, part, changeset) VALUES (5, 0, ?)",
                       (changeset("note", [1, 0, 0, 0, 0, 0, 0], [("update", [40, UNDEFINED, "The review as imported.", UNDEFINED, UNDEFINED, UNDEFINED, None],
                                                                   [UNDEFINED, UNDEFINED, "My own words.", UNDEFINED, UNDEFINED, UNDEFINED, "The review as imported."])]),))
        db.execute("UPDATE filmSearch SET notes = 'My own words.' WHERE rowid = 11")
    if version >= 10:
        # From v10 rows are named by keys, and a change's changeset names them so.
        films, notes, facts = rekey(db)
        db.execute("DELETE FROM historyChange")
        db.execute("INSERT INTO historyChange (historyId, part, changeset) VALUES (3, 0, ?)",
                   (changeset("rating", [1, 0, 0], [("update", [films[1], 9, UNDEFINED], [UNDEFINED, 10, UNDEFINED])]),))
        db.execute("INSERT INTO historyChange (historyId, part, changeset) VALUES (4, 0, ?)",
                   (changeset("filmFact", [1, 0, 0, 0, 0, 0, 0], [("insert", [facts[50], films[1], "user", "runtime", 0, "111", "111"])]),))
        db.execute("INSERT INTO historyChange (historyId, part, changeset) VALUES (5, 0, ?)",
                   (changeset("note", [1, 0, 0, 0, 0, 0, 0], [("update", [notes[40], UNDEFINED, "The review as imported.", UNDEFINED, UNDEFINED, UNDEFINED, None],
                                                               [UNDEFINED, UNDEFINED, "My own words.", UNDEFINED, UNDEFINED, UNDEFINED, "The review as imported."])]),))
        db.execute("UPDATE filmSearch SET rowid = (SELECT filmId FROM filmNumber WHERE number = filmSearch.rowid)")
    if version >= 11:
        # A device that has synced: its name, clock and a change not yet written to the folder,
        # another device's files applied, and the time that decides a rating's conflicts.
        clock = "1767261600000.00000.0123456789abcdef"
        db.execute("INSERT INTO syncDevice (id, name, clock, written, outboxWritten, needsSnapshot, createdAt) VALUES ('0123456789abcdef', 'laptop', ?, 3, 7, 0, ?)", (clock, at))
        db.execute("INSERT INTO syncOutbox (id, at, changeset) VALUES (8, ?, ?)",
                   (clock, changeset("rating", [1, 0, 0], [("update", [films[1], 9, UNDEFINED], [UNDEFINED, 10, UNDEFINED])])))
        db.execute("INSERT INTO syncPeer (id, name, applied) VALUES ('fedcba9876543210', 'desktop', 12)")
        db.execute("INSERT INTO syncRowTime (tableName, rowKey, at) VALUES ('rating', ?, ?)", (films[1], clock))
    if version >= 12:
        # What IMDb's datasets gave: a director and a runtime, an id found by matching (with its
        # mark and the original title it added), and an id the person took away.
        def fact(film, field, position, value):
            key = under_film(films[film], derived("fact", str(films[film]), "datasets", field, str(position)))
            db.execute("INSERT INTO filmFact (id, filmId, source, field, position, value, valueKey) VALUES (?, ?, 'datasets', ?, ?, ?, ?)",
                       (key, films[film], field, position, value, fold(value)))
        fact(2, "director", 0, "Vladimir Motyl")
        fact(2, "runtime", 0, "85")
        db.execute("INSERT INTO filmIdentifier (kind, value, filmId) VALUES ('imdb', 'tt0068519', ?)", (films[3],))
        fact(3, "imdbMatch", 0, "tt0068519")
        fact(3, "originalTitle", 0, "A zori zdes tikhie")
        db.execute("INSERT INTO filmTitle (filmId, title, titleKey) VALUES (?, 'A zori zdes tikhie', 'a zori zdes tikhie')", (films[3],))
        fact(4, "imdbRefused", 0, "tt0000001")
    db.commit()
    db.execute("VACUUM")
    db.close()
    print("wrote", os.path.relpath(path, root))
