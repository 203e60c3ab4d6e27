-- Schema version 12: what IMDb's public datasets say about a film (`watchlist facts import`).
--
-- filmFact gains a source, 'datasets', ranked after every other (user, imdb, letterboxd,
-- datasets): the files of the whole catalogue know less of a film than the person or their own
-- exports do. It holds directors, runtime and genres as the other sources do, and two fields of
-- its own:
--   imdbMatch:   the IMDb id a run found for a film that had none, by its title and year; the
--                film's filmIdentifier row holds the id, this row says it was found so (`show`
--                says "found by matching"). One value, kept while the film holds that id.
--   imdbRefused: the ids the person took away from a film (`film unset --imdb`), never given
--                to it again by a run. Up to 100, a list.
--   originalTitle: the original title a run added to the film's other titles (filmTitle), so
--                that a later run with other files, or taking the match away, removes it again.
-- The first two are IMDb title ids, as filmIdentifier checks them.
--
-- A CHECK cannot be changed in place: the table is made again with the same columns and rows
-- (the same ids, which are its keys) and its index. Its columns do not change, so the sync
-- files of schema 11 still apply.

CREATE TABLE filmFact_new (
    id       INTEGER PRIMARY KEY,
    filmId   INTEGER NOT NULL REFERENCES film (id) ON DELETE CASCADE,
    source   TEXT    NOT NULL CHECK (source IN ('user', 'imdb', 'letterboxd', 'datasets')),
    field    TEXT    NOT NULL CHECK (field IN ('director', 'genre', 'country', 'language', 'runtime', 'released',
                                               'imdbMatch', 'imdbRefused', 'originalTitle')),
    position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 99),
    value    TEXT    NOT NULL CHECK (length(value) BETWEEN 1 AND 200 AND value = trim(value)),
    valueKey TEXT    NOT NULL CHECK (length(valueKey) <= 800),
    CHECK (field <> 'runtime' OR (length(value) <= 6 AND value GLOB '[1-9]*' AND NOT value GLOB '*[^0-9]*')),
    CHECK (field <> 'released' OR value GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CHECK (field NOT IN ('imdbMatch', 'imdbRefused')
           OR (source = 'datasets' AND length(value) BETWEEN 3 AND 20 AND value GLOB 'tt[0-9]*' AND value NOT GLOB 'tt*[^0-9]*')),
    CHECK (field <> 'originalTitle' OR source = 'datasets'),
    CHECK (field IN ('director', 'genre', 'country', 'imdbRefused') OR position = 0),
    UNIQUE (filmId, field, source, position)
) STRICT;
INSERT INTO filmFact_new (id, filmId, source, field, position, value, valueKey)
    SELECT id, filmId, source, field, position, value, valueKey FROM filmFact;
DROP TABLE filmFact;
ALTER TABLE filmFact_new RENAME TO filmFact;
CREATE INDEX filmFact_field_valueKey ON filmFact (field, valueKey);
