-- Schema version 9: every change is a changeset (issue "every change a changeset").
--
-- The undo log of v4–v8 goes: its triggers, its tables, and the importId each shared table
-- carried. SQLite's session extension now records what every write changes in the tables a
-- person's diary lives in (Sources/WatchlistCore/Store/SharedTables.swift names them), and the
-- history keeps that changeset, in parts (a long import's recording is cut so that its memory
-- stays flat): `undo` applies the inverse of each part, last first.
--
-- The entries recorded before this version kept an undo log, not a changeset: they stay in
-- the history, and cannot be undone (a restore still can, by its safety copy).

DROP TRIGGER undo_collectionFilm_insert;
DROP TRIGGER undo_collectionFilm_update;
DROP TRIGGER undo_collectionFilm_delete;
DROP TRIGGER undo_collection_insert;
DROP TRIGGER undo_collection_update;
DROP TRIGGER undo_collection_delete;
DROP TRIGGER undo_filmFact_insert;
DROP TRIGGER undo_filmFact_update;
DROP TRIGGER undo_filmFact_delete;
DROP TRIGGER undo_filmIdentifier_insert;
DROP TRIGGER undo_filmIdentifier_update;
DROP TRIGGER undo_filmIdentifier_delete;
DROP TRIGGER undo_filmTag_insert;
DROP TRIGGER undo_filmTag_update;
DROP TRIGGER undo_filmTag_delete;
DROP TRIGGER undo_filmTitle_insert;
DROP TRIGGER undo_filmTitle_update;
DROP TRIGGER undo_filmTitle_delete;
DROP TRIGGER undo_film_insert;
DROP TRIGGER undo_film_update;
DROP TRIGGER undo_film_delete;
DROP TRIGGER undo_note_insert;
DROP TRIGGER undo_note_update;
DROP TRIGGER undo_note_delete;
DROP TRIGGER undo_rating_insert;
DROP TRIGGER undo_rating_update;
DROP TRIGGER undo_rating_delete;
DROP TRIGGER undo_viewing_insert;
DROP TRIGGER undo_viewing_update;
DROP TRIGGER undo_viewing_delete;

DROP TABLE undoLog;
DROP TABLE undoRecording;

DROP INDEX collectionFilm_importId;
DROP INDEX collection_importId;
DROP INDEX filmFact_importId;
DROP INDEX filmIdentifier_importId;
DROP INDEX filmTag_importId;
DROP INDEX filmTitle_importId;
DROP INDEX film_importId;
DROP INDEX note_importId;
DROP INDEX rating_importId;
DROP INDEX viewing_importId;

ALTER TABLE collectionFilm DROP COLUMN importId;
ALTER TABLE collection DROP COLUMN importId;
ALTER TABLE filmFact DROP COLUMN importId;
ALTER TABLE filmIdentifier DROP COLUMN importId;
ALTER TABLE filmTag DROP COLUMN importId;
ALTER TABLE filmTitle DROP COLUMN importId;
ALTER TABLE film DROP COLUMN importId;
ALTER TABLE note DROP COLUMN importId;
ALTER TABLE rating DROP COLUMN importId;
ALTER TABLE viewing DROP COLUMN importId;

UPDATE history SET undoable = 0 WHERE safetyCopy IS NULL;

-- A change's changeset, in parts numbered from 0: what `undo` inverts. An entry forgotten
-- takes its changeset with it.
CREATE TABLE historyChange (
    historyId INTEGER NOT NULL REFERENCES history (id) ON DELETE CASCADE,
    part      INTEGER NOT NULL CHECK (part >= 0),
    changeset BLOB    NOT NULL CHECK (length(changeset) > 0),
    PRIMARY KEY (historyId, part)
) STRICT;
