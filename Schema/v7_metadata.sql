-- Schema version 7: what is known about a film beyond its title and year, from each source
-- that gave it.
--
-- filmFact holds a film's directors (in credit order), genres, countries, original language,
-- runtime (minutes) and release date (YYYY-MM-DD), one value a row, per source: 'imdb' for
-- what an IMDb export says, 'letterboxd' for Letterboxd's import format, 'user' for what the
-- person set (`film set`); valueKey is the value folded as titles are (TitleKey), for
-- `list --director shepitko`. An import replaces only its own source's values of the fields its
-- file gives, so that it never erases what another file, or the person, gave. A film shows, for
-- each field, the values of the first source that has any: user, then imdb, then letterboxd.
--
-- Search finds a film by its directors: filmSearch gains a column, `people`, and is rebuilt.
--
-- The undo log learns the new table: its CHECK names the tables undo may change, so it is
-- rebuilt with the same rows, and the triggers that write it are made again as v6 made them
-- (a table cannot be renamed under triggers that name it), with three for filmFact.

CREATE TABLE filmFact (
    id       INTEGER PRIMARY KEY,
    filmId   INTEGER NOT NULL REFERENCES film (id) ON DELETE CASCADE,
    source   TEXT    NOT NULL CHECK (source IN ('user', 'imdb', 'letterboxd')),
    field    TEXT    NOT NULL CHECK (field IN ('director', 'genre', 'country', 'language', 'runtime', 'released')),
    position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 99),
    value    TEXT    NOT NULL CHECK (length(value) BETWEEN 1 AND 200 AND value = trim(value)),
    valueKey TEXT    NOT NULL CHECK (length(valueKey) <= 800),
    importId INTEGER,
    CHECK (field <> 'runtime' OR (length(value) <= 6 AND value GLOB '[1-9]*' AND NOT value GLOB '*[^0-9]*')),
    CHECK (field <> 'released' OR value GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CHECK (field IN ('director', 'genre', 'country') OR position = 0),
    UNIQUE (filmId, field, source, position)
) STRICT;

CREATE INDEX filmFact_field_valueKey ON filmFact (field, valueKey);
CREATE INDEX filmFact_importId ON filmFact (importId) WHERE importId IS NOT NULL;

DROP TABLE filmSearch;
CREATE VIRTUAL TABLE filmSearch USING fts5(
    title, description, fact, notes, tags, people,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO filmSearch (rowid, title, description, fact, notes, tags, people)
SELECT f.id, f.title || coalesce((SELECT ' / ' || group_concat(title, ' / ') FROM filmTitle WHERE filmId = f.id), ''),
       f.description, f.fact,
       (SELECT group_concat(text, ' ') FROM note WHERE filmId = f.id),
       (SELECT group_concat(tag, ' ') FROM filmTag WHERE filmId = f.id),
       NULL
FROM film f;

DROP TRIGGER undo_collection_insert;
DROP TRIGGER undo_collection_update;
DROP TRIGGER undo_collection_delete;
DROP TRIGGER undo_film_insert;
DROP TRIGGER undo_film_update;
DROP TRIGGER undo_film_delete;
DROP TRIGGER undo_collectionFilm_insert;
DROP TRIGGER undo_collectionFilm_update;
DROP TRIGGER undo_collectionFilm_delete;
DROP TRIGGER undo_viewing_insert;
DROP TRIGGER undo_viewing_update;
DROP TRIGGER undo_viewing_delete;
DROP TRIGGER undo_rating_insert;
DROP TRIGGER undo_rating_update;
DROP TRIGGER undo_rating_delete;
DROP TRIGGER undo_note_insert;
DROP TRIGGER undo_note_update;
DROP TRIGGER undo_note_delete;
DROP TRIGGER undo_filmTag_insert;
DROP TRIGGER undo_filmTag_update;
DROP TRIGGER undo_filmTag_delete;
DROP TRIGGER undo_filmIdentifier_insert;
DROP TRIGGER undo_filmIdentifier_update;
DROP TRIGGER undo_filmIdentifier_delete;
DROP TRIGGER undo_filmTitle_insert;
DROP TRIGGER undo_filmTitle_update;
DROP TRIGGER undo_filmTitle_delete;

CREATE TABLE undoLog_new (
    id        INTEGER PRIMARY KEY,
    historyId INTEGER NOT NULL REFERENCES history (id) ON DELETE CASCADE,
    tableName TEXT    NOT NULL
              CHECK (tableName IN ('collection', 'film', 'collectionFilm', 'viewing', 'rating', 'note', 'filmTag',
                                   'filmIdentifier', 'filmTitle', 'filmFact')),
    operation TEXT    NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
    v0 ANY, v1 ANY, v2 ANY, v3 ANY, v4 ANY, v5 ANY, v6 ANY, v7 ANY,
    k0 ANY, k1 ANY
) STRICT;
INSERT INTO undoLog_new SELECT * FROM undoLog;
DROP TABLE undoLog;
ALTER TABLE undoLog_new RENAME TO undoLog;
CREATE INDEX undoLog_historyId ON undoLog (historyId);

CREATE TRIGGER undo_collection_insert AFTER INSERT ON collection WHEN new.importId IS NULL AND EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, k0) SELECT historyId, 'collection', 'insert', new.id FROM undoRecording;
END;

CREATE TRIGGER undo_collection_update AFTER UPDATE ON collection WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, v5, v6, v7, k0) SELECT historyId, 'collection', 'update', old.id, old.slug, old.title, old.description, old.builtIn, old.createdAt, old.origin, old.importId, new.id FROM undoRecording;
END;

CREATE TRIGGER undo_collection_delete AFTER DELETE ON collection WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, v5, v6, v7) SELECT historyId, 'collection', 'delete', old.id, old.slug, old.title, old.description, old.builtIn, old.createdAt, old.origin, old.importId FROM undoRecording;
END;

CREATE TRIGGER undo_film_insert AFTER INSERT ON film WHEN new.importId IS NULL AND EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, k0) SELECT historyId, 'film', 'insert', new.id FROM undoRecording;
END;

CREATE TRIGGER undo_film_update AFTER UPDATE ON film WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, v5, v6, k0) SELECT historyId, 'film', 'update', old.id, old.title, old.year, old.description, old.fact, old.titleKey, old.importId, new.id FROM undoRecording;
END;

CREATE TRIGGER undo_film_delete AFTER DELETE ON film WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, v5, v6) SELECT historyId, 'film', 'delete', old.id, old.title, old.year, old.description, old.fact, old.titleKey, old.importId FROM undoRecording;
END;

CREATE TRIGGER undo_collectionFilm_insert AFTER INSERT ON collectionFilm WHEN new.importId IS NULL AND EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, k0, k1) SELECT historyId, 'collectionFilm', 'insert', new.collectionId, new.filmId FROM undoRecording;
END;

CREATE TRIGGER undo_collectionFilm_update AFTER UPDATE ON collectionFilm WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, k0, k1) SELECT historyId, 'collectionFilm', 'update', old.collectionId, old.filmId, old.position, old.note, old.importId, new.collectionId, new.filmId FROM undoRecording;
END;

CREATE TRIGGER undo_collectionFilm_delete AFTER DELETE ON collectionFilm WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4) SELECT historyId, 'collectionFilm', 'delete', old.collectionId, old.filmId, old.position, old.note, old.importId FROM undoRecording;
END;

CREATE TRIGGER undo_viewing_insert AFTER INSERT ON viewing WHEN new.importId IS NULL AND EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, k0) SELECT historyId, 'viewing', 'insert', new.id FROM undoRecording;
END;

CREATE TRIGGER undo_viewing_update AFTER UPDATE ON viewing WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, v5, v6, k0) SELECT historyId, 'viewing', 'update', old.id, old.filmId, old.watchedOn, old.rewatch, old.loggedAt, old.placeholder, old.importId, new.id FROM undoRecording;
END;

CREATE TRIGGER undo_viewing_delete AFTER DELETE ON viewing WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, v5, v6) SELECT historyId, 'viewing', 'delete', old.id, old.filmId, old.watchedOn, old.rewatch, old.loggedAt, old.placeholder, old.importId FROM undoRecording;
END;

CREATE TRIGGER undo_rating_insert AFTER INSERT ON rating WHEN new.importId IS NULL AND EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, k0) SELECT historyId, 'rating', 'insert', new.filmId FROM undoRecording;
END;

CREATE TRIGGER undo_rating_update AFTER UPDATE ON rating WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, k0) SELECT historyId, 'rating', 'update', old.filmId, old.halfStars, old.ratedAt, old.importId, new.filmId FROM undoRecording;
END;

CREATE TRIGGER undo_rating_delete AFTER DELETE ON rating WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3) SELECT historyId, 'rating', 'delete', old.filmId, old.halfStars, old.ratedAt, old.importId FROM undoRecording;
END;

CREATE TRIGGER undo_note_insert AFTER INSERT ON note WHEN new.importId IS NULL AND EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, k0) SELECT historyId, 'note', 'insert', new.id FROM undoRecording;
END;

CREATE TRIGGER undo_note_update AFTER UPDATE ON note WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, v5, v6, k0) SELECT historyId, 'note', 'update', old.id, old.filmId, old.text, old.createdAt, old.updatedAt, old.source, old.importId, new.id FROM undoRecording;
END;

CREATE TRIGGER undo_note_delete AFTER DELETE ON note WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, v5, v6) SELECT historyId, 'note', 'delete', old.id, old.filmId, old.text, old.createdAt, old.updatedAt, old.source, old.importId FROM undoRecording;
END;

CREATE TRIGGER undo_filmTag_insert AFTER INSERT ON filmTag WHEN new.importId IS NULL AND EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, k0, k1) SELECT historyId, 'filmTag', 'insert', new.filmId, new.tag FROM undoRecording;
END;

CREATE TRIGGER undo_filmTag_update AFTER UPDATE ON filmTag WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, k0, k1) SELECT historyId, 'filmTag', 'update', old.filmId, old.tag, old.addedAt, old.importId, new.filmId, new.tag FROM undoRecording;
END;

CREATE TRIGGER undo_filmTag_delete AFTER DELETE ON filmTag WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3) SELECT historyId, 'filmTag', 'delete', old.filmId, old.tag, old.addedAt, old.importId FROM undoRecording;
END;

CREATE TRIGGER undo_filmIdentifier_insert AFTER INSERT ON filmIdentifier WHEN new.importId IS NULL AND EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, k0, k1) SELECT historyId, 'filmIdentifier', 'insert', new.kind, new.value FROM undoRecording;
END;

CREATE TRIGGER undo_filmIdentifier_update AFTER UPDATE ON filmIdentifier WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, k0, k1) SELECT historyId, 'filmIdentifier', 'update', old.kind, old.value, old.filmId, old.importId, new.kind, new.value FROM undoRecording;
END;

CREATE TRIGGER undo_filmIdentifier_delete AFTER DELETE ON filmIdentifier WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3) SELECT historyId, 'filmIdentifier', 'delete', old.kind, old.value, old.filmId, old.importId FROM undoRecording;
END;

CREATE TRIGGER undo_filmTitle_insert AFTER INSERT ON filmTitle WHEN new.importId IS NULL AND EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, k0, k1) SELECT historyId, 'filmTitle', 'insert', new.filmId, new.title FROM undoRecording;
END;

CREATE TRIGGER undo_filmTitle_update AFTER UPDATE ON filmTitle WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, k0, k1) SELECT historyId, 'filmTitle', 'update', old.filmId, old.title, old.titleKey, old.importId, new.filmId, new.title FROM undoRecording;
END;

CREATE TRIGGER undo_filmTitle_delete AFTER DELETE ON filmTitle WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3) SELECT historyId, 'filmTitle', 'delete', old.filmId, old.title, old.titleKey, old.importId FROM undoRecording;
END;

CREATE TRIGGER undo_filmFact_insert AFTER INSERT ON filmFact WHEN new.importId IS NULL AND EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, k0) SELECT historyId, 'filmFact', 'insert', new.id FROM undoRecording;
END;

CREATE TRIGGER undo_filmFact_update AFTER UPDATE ON filmFact WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, v5, v6, v7, k0) SELECT historyId, 'filmFact', 'update', old.id, old.filmId, old.source, old.field, old.position, old.value, old.valueKey, old.importId, new.id FROM undoRecording;
END;

CREATE TRIGGER undo_filmFact_delete AFTER DELETE ON filmFact WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, v5, v6, v7) SELECT historyId, 'filmFact', 'delete', old.id, old.filmId, old.source, old.field, old.position, old.value, old.valueKey, old.importId FROM undoRecording;
END;
