-- Schema version 2: tags. A tag is lower case, trimmed, without commas (Letterboxd's Tags
-- column is comma-separated), 1–100 characters.

CREATE TABLE filmTag (
    filmId  INTEGER NOT NULL REFERENCES film (id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL
            CHECK (length(tag) BETWEEN 1 AND 100 AND tag = lower(tag) AND tag = trim(tag) AND instr(tag, ',') = 0),
    addedAt TEXT    NOT NULL
            CHECK (addedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
    PRIMARY KEY (filmId, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX filmTag_tag ON filmTag (tag);
