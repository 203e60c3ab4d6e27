-- Schema version 8: nothing a person wrote is lost to an import, and no id from a file is ours.
--
-- note.importedText: the text an import last gave a note made from a review, kept when the
--   person edits that note (`note edit`); NULL while the note is what the review said. A later
--   import updates a note only while the person has not edited it; once they have, the
--   review's new text becomes a note of its own and the person's text stays.
--
-- Notes whose id is beyond 2^53 - 1 (the most JSON tools read exactly; an older version took
-- note ids from JSON documents, and an id of 2^63 - 1 left no id for the next note) are given
-- the next ids after the others, and the sequence of note ids is made what the notes hold.
--
-- Tags are made NFC, and the tags of a film that were one tag in two forms are merged: done by
-- the tool right after this file (SchemaMigrations.normalizeTags), as SQL has no NFC.

ALTER TABLE note ADD COLUMN importedText TEXT;

-- The undo log holds a note's columns in table order with importId last: the logged rows of
-- notes move their importId from v6 to v7, where the new column's place is v6.
UPDATE undoLog SET v7 = v6, v6 = NULL WHERE tableName = 'note' AND operation IN ('update', 'delete');

DROP TRIGGER undo_note_update;
DROP TRIGGER undo_note_delete;

CREATE TRIGGER undo_note_update AFTER UPDATE ON note WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, v5, v6, v7, k0) SELECT historyId, 'note', 'update', old.id, old.filmId, old.text, old.createdAt, old.updatedAt, old.source, old.importedText, old.importId, new.id FROM undoRecording;
END;

CREATE TRIGGER undo_note_delete AFTER DELETE ON note WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, v4, v5, v6, v7) SELECT historyId, 'note', 'delete', old.id, old.filmId, old.text, old.createdAt, old.updatedAt, old.source, old.importedText, old.importId FROM undoRecording;
END;

-- Ids beyond 2^53 - 1 go, in their order, to the ids after the largest of the rest. The undo
-- log's copies of such notes would put the old ids back: the entries up to the last that holds
-- one are forgotten (undo goes back in order, so an older entry cannot stay without them).
DELETE FROM history WHERE id <= (SELECT max(historyId) FROM undoLog
                                 WHERE tableName = 'note' AND (v0 > 9007199254740991 OR k0 > 9007199254740991));
CREATE TEMP TABLE noteRenumbering AS
    SELECT id AS old, (SELECT coalesce(max(id), 0) FROM note WHERE id <= 9007199254740991)
                      + row_number() OVER (ORDER BY id) AS new
    FROM note WHERE id > 9007199254740991;
UPDATE note SET id = (SELECT new FROM temp.noteRenumbering WHERE old = note.id) WHERE id > 9007199254740991;
DROP TABLE temp.noteRenumbering;
UPDATE sqlite_sequence SET seq = (SELECT coalesce(max(id), 0) FROM note)
    WHERE name = 'note' AND seq > 9007199254740991;

-- A restore's safety copy is now found in the tool's own folder by a token the tool makes
-- (Service/Maintenance.swift); the restores recorded with a path instead stay in the history,
-- and cannot be undone: a path read back from a database is never trusted.
UPDATE history SET undoable = 0 WHERE safetyCopy IS NOT NULL AND safetyCopy NOT GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z-[1-9]*';

-- Trakt's ids join the ids a film is known by (issue "every tracker's export"): the table of
-- ids is made again with 'trakt' among its kinds (a CHECK cannot be changed in place), with
-- the same rows, its index and the undo triggers v7 made for it.
CREATE TABLE filmIdentifier_new (
    kind     TEXT    NOT NULL CHECK (kind IN ('imdb', 'letterboxd', 'tmdb', 'trakt')),
    value    TEXT    NOT NULL
             CHECK (length(value) BETWEEN 1 AND 200
                    AND (kind <> 'imdb' OR (value GLOB 'tt[0-9]*' AND value NOT GLOB 'tt*[^0-9]*'))
                    AND (kind NOT IN ('tmdb', 'trakt') OR (value NOT GLOB '*[^0-9]*'))
                    AND (kind <> 'letterboxd' OR value GLOB 'https://*')),
    filmId   INTEGER NOT NULL REFERENCES film (id) ON DELETE CASCADE,
    importId INTEGER,
    PRIMARY KEY (kind, value),
    UNIQUE (filmId, kind)
) STRICT, WITHOUT ROWID;
INSERT INTO filmIdentifier_new (kind, value, filmId, importId) SELECT kind, value, filmId, importId FROM filmIdentifier;
DROP TABLE filmIdentifier;
ALTER TABLE filmIdentifier_new RENAME TO filmIdentifier;
CREATE INDEX filmIdentifier_importId ON filmIdentifier (importId) WHERE importId IS NOT NULL;

CREATE TRIGGER undo_filmIdentifier_insert AFTER INSERT ON filmIdentifier WHEN new.importId IS NULL AND EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, k0, k1) SELECT historyId, 'filmIdentifier', 'insert', new.kind, new.value FROM undoRecording;
END;

CREATE TRIGGER undo_filmIdentifier_update AFTER UPDATE ON filmIdentifier WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3, k0, k1) SELECT historyId, 'filmIdentifier', 'update', old.kind, old.value, old.filmId, old.importId, new.kind, new.value FROM undoRecording;
END;

CREATE TRIGGER undo_filmIdentifier_delete AFTER DELETE ON filmIdentifier WHEN EXISTS (SELECT 1 FROM undoRecording) AND NOT (old.importId IS NOT NULL AND old.importId = (SELECT historyId FROM undoRecording)) BEGIN
    INSERT INTO undoLog (historyId, tableName, operation, v0, v1, v2, v3) SELECT historyId, 'filmIdentifier', 'delete', old.kind, old.value, old.filmId, old.importId FROM undoRecording;
END;
