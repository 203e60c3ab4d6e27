-- Schema version 10: keys that mean the same row on every device (issue "keys").
--
-- The rows of the shared tables are named by keys no other device gives another row (positive
-- 63-bit integers; Sources/WatchlistCore/Store/RowKey.swift has the rule): film, viewing, note,
-- filmFact and collection keep their INTEGER PRIMARY KEY, whose values are now keys. Every
-- existing row is given, right after this file, the key derived from what it is, the same key
-- a fresh import of the same file makes (SchemaMigrations.assignKeys), and every reference to it
-- follows.
--
-- The short numbers people type and read (`watch 3`, `note edit 12`) are this device's own:
-- one table for films and one for notes, never recorded in a changeset. A number never moves
-- to another row, and stays its row's when the row is deleted (an undo brings the row back
-- under the same number). Every film and note keeps the number it was shown with before.
CREATE TABLE filmNumber (
    number INTEGER PRIMARY KEY AUTOINCREMENT,
    filmId INTEGER NOT NULL UNIQUE
) STRICT;

CREATE TABLE noteNumber (
    number INTEGER PRIMARY KEY AUTOINCREMENT,
    noteId INTEGER NOT NULL UNIQUE
) STRICT;

INSERT INTO filmNumber (number, filmId) SELECT id, id FROM film;
INSERT INTO noteNumber (number, noteId) SELECT id, id FROM note;

-- The changesets recorded before name rows by the numbers they had: they cannot be applied
-- to rows named by keys. Those entries stay, and cannot be undone (a restore still can).
DELETE FROM historyChange;
UPDATE history SET undoable = 0 WHERE safetyCopy IS NULL;

-- A film's viewings of one day are in the order they were logged (keys are in no order).
DROP INDEX viewing_filmId_watchedOn;
CREATE INDEX viewing_filmId_watchedOn ON viewing (filmId, watchedOn, loggedAt);
