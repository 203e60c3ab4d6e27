-- Schema version 6: undo that runs nothing it reads from the database, and a search index kept
-- by the tool instead of triggers.
--
-- The undo log of v4 held SQL statements that undo ran: a database file handed over as a
-- backup could make undo run anything. Now the log holds data only: for each row a change
-- touched, its table, what happened to it (insert, update, delete), and the row's columns
-- (v0…v7, in the table's column order, importId last) or, for an insert, its key (k0, k1). Undo applies it
-- through statements compiled into the tool, for these tables and columns only, with bound
-- values (Store+Undo.swift).
--
-- Rows an import adds carry the import's history id (importId) instead of a log row each:
-- undoing an import deletes them by that id, a few statements whatever its size.
--
-- Every connection runs with PRAGMA trusted_schema = OFF, under which SQLite refuses to use
-- the FTS5 table (and JSON functions) from a trigger: the triggers that kept filmSearch in step
-- go, and the store keeps it (Store+Search.swift).
--
-- Tags were limited to 100 code points by v2, while the tool counts characters, as people do
-- ("é" written as e and an accent is one character, two code points): the table is rebuilt
-- with a bound every tag of 100 characters meets (the tool also refuses a tag of more than
-- 1000 code points).

DROP TRIGGER filmSearch_filmInsert;
DROP TRIGGER filmSearch_filmUpdate;
DROP TRIGGER filmSearch_filmDelete;
DROP TRIGGER filmSearch_noteInsert;
DROP TRIGGER filmSearch_noteUpdate;
DROP TRIGGER filmSearch_noteDelete;
DROP TRIGGER filmSearch_tagInsert;
DROP TRIGGER filmSearch_tagDelete;

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
DROP TRIGGER undo_filmIdentifier_delete;
DROP TRIGGER undo_filmTitle_insert;
DROP TRIGGER undo_filmTitle_delete;

-- The index is rebuilt as the tool now writes it: a film's other titles with its title.
DELETE FROM filmSearch;
INSERT INTO filmSearch (rowid, title, description, fact, notes, tags)
SELECT f.id, f.title || coalesce((SELECT ' / ' || group_concat(title, ' / ') FROM filmTitle WHERE filmId = f.id), ''),
       f.description, f.fact,
       (SELECT group_concat(text, ' ') FROM note WHERE filmId = f.id),
       (SELECT group_concat(tag, ' ') FROM filmTag WHERE filmId = f.id)
FROM film f;

DROP TABLE undoLog;
DROP TABLE undoRecording;

CREATE TABLE filmTag_new (
    filmId  INTEGER NOT NULL REFERENCES film (id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL
            CHECK (length(tag) BETWEEN 1 AND 1000 AND tag = lower(tag) AND tag = trim(tag) AND instr(tag, ',') = 0),
    addedAt TEXT    NOT NULL
            CHECK (addedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
    PRIMARY KEY (filmId, tag)
) STRICT, WITHOUT ROWID;
INSERT INTO filmTag_new (filmId, tag, addedAt) SELECT filmId, tag, addedAt FROM filmTag;
DROP TABLE filmTag;
ALTER TABLE filmTag_new RENAME TO filmTag;
CREATE INDEX filmTag_tag ON filmTag (tag);

ALTER TABLE collection ADD COLUMN importId INTEGER;
CREATE INDEX collection_importId ON collection (importId) WHERE importId IS NOT NULL;
ALTER TABLE film ADD COLUMN importId INTEGER;
CREATE INDEX film_importId ON film (importId) WHERE importId IS NOT NULL;
ALTER TABLE collectionFilm ADD COLUMN importId INTEGER;
CREATE INDEX collectionFilm_importId ON collectionFilm (importId) WHERE importId IS NOT NULL;
ALTER TABLE viewing ADD COLUMN importId INTEGER;
CREATE INDEX viewing_importId ON viewing (importId) WHERE importId IS NOT NULL;
ALTER TABLE rating ADD COLUMN importId INTEGER;
CREATE INDEX rating_importId ON rating (importId) WHERE importId IS NOT NULL;
ALTER TABLE note ADD COLUMN importId INTEGER;
CREATE INDEX note_importId ON note (importId) WHERE importId IS NOT NULL;
ALTER TABLE filmTag ADD COLUMN importId INTEGER;
CREATE INDEX filmTag_importId ON filmTag (importId) WHERE importId IS NOT NULL;
ALTER TABLE filmIdentifier ADD COLUMN importId INTEGER;
CREATE INDEX filmIdentifier_importId ON filmIdentifier (importId) WHERE importId IS NOT NULL;
ALTER TABLE filmTitle ADD COLUMN importId INTEGER;
CREATE INDEX filmTitle_importId ON filmTitle (importId) WHERE importId IS NOT NULL;

ALTER TABLE history ADD COLUMN safetyCopy TEXT CHECK (safetyCopy IS NULL OR length(safetyCopy) BETWEEN 1 AND 4096);

-- The changes recorded before this version kept their undo as SQL, which is no longer run:
-- they stay in the history, and undo says it cannot revert them instead of forgetting them.
ALTER TABLE history ADD COLUMN undoable INTEGER NOT NULL DEFAULT 1 CHECK (undoable IN (0, 1));
UPDATE history SET undoable = 0;

-- One row while a change is being recorded, none otherwise; bulk = 1 during an import, whose
-- inserted rows carry historyId as their importId instead of a log row each.
CREATE TABLE undoRecording (
    historyId INTEGER NOT NULL,
    bulk      INTEGER NOT NULL DEFAULT 0 CHECK (bulk IN (0, 1))
) STRICT;

CREATE TABLE undoLog (
    id        INTEGER PRIMARY KEY,
    historyId INTEGER NOT NULL REFERENCES history (id) ON DELETE CASCADE,
    tableName TEXT    NOT NULL
              CHECK (tableName IN ('collection', 'film', 'collectionFilm', 'viewing', 'rating', 'note', 'filmTag',
                                   'filmIdentifier', 'filmTitle')),
    operation TEXT    NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
    v0 ANY, v1 ANY, v2 ANY, v3 ANY, v4 ANY, v5 ANY, v6 ANY, v7 ANY,
    k0 ANY, k1 ANY
) STRICT;

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
