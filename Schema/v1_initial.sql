-- Schema version 1. Shipped migrations are never edited: add Schema/v2_….sql instead.
-- Dates are ISO-8601 text: a day is 'YYYY-MM-DD', an instant is 'YYYY-MM-DDTHH:MM:SSZ' (UTC).
-- date(x, '+0 days') normalises a day that does not exist (2026-02-30 becomes 2026-03-02),
-- so comparing it with x refuses such days; date(x) alone does not normalise.

CREATE TABLE collection (
    id          INTEGER PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE
                CHECK (length(slug) BETWEEN 1 AND 64
                       AND slug NOT GLOB '*[^a-z0-9-]*'
                       AND slug NOT GLOB '-*'),
    title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT    NOT NULL DEFAULT '',
    builtIn     INTEGER NOT NULL DEFAULT 0 CHECK (builtIn IN (0, 1)),
    createdAt   TEXT    NOT NULL
                CHECK (createdAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z')
) STRICT;

CREATE TABLE film (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    -- NULL when the year is unknown (some Letterboxd films have none).
    year        INTEGER CHECK (year IS NULL OR year BETWEEN 1870 AND 2999),
    description TEXT    NOT NULL DEFAULT '',
    fact        TEXT    NOT NULL DEFAULT '',
    -- The title folded for matching: lower case, no accents, no leading article.
    titleKey    TEXT    NOT NULL
) STRICT;

CREATE INDEX film_titleKey ON film (titleKey);

CREATE TABLE collectionFilm (
    collectionId INTEGER NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
    filmId       INTEGER NOT NULL REFERENCES film (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL CHECK (position >= 1),
    PRIMARY KEY (collectionId, filmId),
    UNIQUE (collectionId, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX collectionFilm_filmId ON collectionFilm (filmId);

CREATE TABLE viewing (
    id        INTEGER PRIMARY KEY,
    filmId    INTEGER NOT NULL REFERENCES film (id) ON DELETE CASCADE,
    -- NULL when the day of the viewing is unknown.
    watchedOn TEXT
              CHECK (watchedOn IS NULL
                     OR (watchedOn GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                         AND date(watchedOn, '+0 days') IS watchedOn)),
    rewatch   INTEGER NOT NULL DEFAULT 0 CHECK (rewatch IN (0, 1)),
    loggedAt  TEXT    NOT NULL
              CHECK (loggedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z')
) STRICT;

CREATE INDEX viewing_filmId_watchedOn ON viewing (filmId, watchedOn);

CREATE TABLE rating (
    filmId    INTEGER PRIMARY KEY REFERENCES film (id) ON DELETE CASCADE,
    -- 1 = half a star … 10 = five stars.
    halfStars INTEGER NOT NULL CHECK (halfStars BETWEEN 1 AND 10),
    ratedAt   TEXT    NOT NULL
              CHECK (ratedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z')
) STRICT;

-- AUTOINCREMENT: people and scripts refer to notes by id, so a deleted note's id is never reused.
CREATE TABLE note (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    filmId    INTEGER NOT NULL REFERENCES film (id) ON DELETE CASCADE,
    text      TEXT    NOT NULL
              CHECK (length(trim(text, ' ' || char(9, 10, 13))) > 0),
    createdAt TEXT    NOT NULL
              CHECK (createdAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
    updatedAt TEXT    NOT NULL
              CHECK (updatedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z')
) STRICT;

CREATE INDEX note_filmId ON note (filmId);

-- "The latest viewing" without reading every viewing.
CREATE INDEX viewing_watchedOn ON viewing (watchedOn);
