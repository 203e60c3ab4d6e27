-- Schema version 4: history and undo. Every change a command makes is recorded, while it
-- is being made, as the SQL that reverts it (the technique of SQLite's "Undo/Redo" page):
-- triggers write into undoLog whenever undoRecording holds the id of the history entry being
-- recorded. Undo runs the latest entry's statements newest first, with foreign keys deferred.

CREATE TABLE history (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT    NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
    command TEXT    NOT NULL,
    summary TEXT    NOT NULL
) STRICT;

CREATE TABLE undoLog (
    id        INTEGER PRIMARY KEY,
    historyId INTEGER NOT NULL REFERENCES history (id) ON DELETE CASCADE,
    statement TEXT    NOT NULL
) STRICT;

CREATE INDEX undoLog_historyId ON undoLog (historyId);

-- One row while a change is being recorded, none otherwise. An import sets bulkViewings and
-- records one range delete for the viewings it adds (their ids all follow the largest id
-- before it) instead of a statement for each.
CREATE TABLE undoRecording (
    historyId    INTEGER NOT NULL,
    bulkViewings INTEGER NOT NULL DEFAULT 0 CHECK (bulkViewings IN (0, 1))
) STRICT;

CREATE TRIGGER undo_collection_insert AFTER INSERT ON collection WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'DELETE FROM collection WHERE ' || 'id = ' || quote(new.id) FROM undoRecording;
END;

CREATE TRIGGER undo_collection_update AFTER UPDATE ON collection WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'UPDATE collection SET ' || 'id = ' || quote(old.id) || ', ' || 'slug = ' || quote(old.slug) || ', ' || 'title = ' || quote(old.title) || ', ' || 'description = ' || quote(old.description) || ', ' || 'builtIn = ' || quote(old.builtIn) || ', ' || 'createdAt = ' || quote(old.createdAt) || ' WHERE ' || 'id = ' || quote(new.id) FROM undoRecording;
END;

CREATE TRIGGER undo_collection_delete AFTER DELETE ON collection WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'INSERT INTO collection (id, slug, title, description, builtIn, createdAt) VALUES (' || quote(old.id) || ', ' || quote(old.slug) || ', ' || quote(old.title) || ', ' || quote(old.description) || ', ' || quote(old.builtIn) || ', ' || quote(old.createdAt) || ')' FROM undoRecording;
END;

CREATE TRIGGER undo_film_insert AFTER INSERT ON film WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'DELETE FROM film WHERE ' || 'id = ' || quote(new.id) FROM undoRecording;
END;

CREATE TRIGGER undo_film_update AFTER UPDATE ON film WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'UPDATE film SET ' || 'id = ' || quote(old.id) || ', ' || 'title = ' || quote(old.title) || ', ' || 'year = ' || quote(old.year) || ', ' || 'description = ' || quote(old.description) || ', ' || 'fact = ' || quote(old.fact) || ', ' || 'titleKey = ' || quote(old.titleKey) || ' WHERE ' || 'id = ' || quote(new.id) FROM undoRecording;
END;

CREATE TRIGGER undo_film_delete AFTER DELETE ON film WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'INSERT INTO film (id, title, year, description, fact, titleKey) VALUES (' || quote(old.id) || ', ' || quote(old.title) || ', ' || quote(old.year) || ', ' || quote(old.description) || ', ' || quote(old.fact) || ', ' || quote(old.titleKey) || ')' FROM undoRecording;
END;

CREATE TRIGGER undo_collectionFilm_insert AFTER INSERT ON collectionFilm WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'DELETE FROM collectionFilm WHERE ' || 'collectionId = ' || quote(new.collectionId) || ' AND ' || 'filmId = ' || quote(new.filmId) FROM undoRecording;
END;

CREATE TRIGGER undo_collectionFilm_update AFTER UPDATE ON collectionFilm WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'UPDATE collectionFilm SET ' || 'collectionId = ' || quote(old.collectionId) || ', ' || 'filmId = ' || quote(old.filmId) || ', ' || 'position = ' || quote(old.position) || ' WHERE ' || 'collectionId = ' || quote(new.collectionId) || ' AND ' || 'filmId = ' || quote(new.filmId) FROM undoRecording;
END;

CREATE TRIGGER undo_collectionFilm_delete AFTER DELETE ON collectionFilm WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'INSERT INTO collectionFilm (collectionId, filmId, position) VALUES (' || quote(old.collectionId) || ', ' || quote(old.filmId) || ', ' || quote(old.position) || ')' FROM undoRecording;
END;

CREATE TRIGGER undo_viewing_insert AFTER INSERT ON viewing WHEN EXISTS (SELECT 1 FROM undoRecording WHERE bulkViewings = 0) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'DELETE FROM viewing WHERE ' || 'id = ' || quote(new.id) FROM undoRecording;
END;

CREATE TRIGGER undo_viewing_update AFTER UPDATE ON viewing WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'UPDATE viewing SET ' || 'id = ' || quote(old.id) || ', ' || 'filmId = ' || quote(old.filmId) || ', ' || 'watchedOn = ' || quote(old.watchedOn) || ', ' || 'rewatch = ' || quote(old.rewatch) || ', ' || 'loggedAt = ' || quote(old.loggedAt) || ' WHERE ' || 'id = ' || quote(new.id) FROM undoRecording;
END;

CREATE TRIGGER undo_viewing_delete AFTER DELETE ON viewing WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'INSERT INTO viewing (id, filmId, watchedOn, rewatch, loggedAt) VALUES (' || quote(old.id) || ', ' || quote(old.filmId) || ', ' || quote(old.watchedOn) || ', ' || quote(old.rewatch) || ', ' || quote(old.loggedAt) || ')' FROM undoRecording;
END;

CREATE TRIGGER undo_rating_insert AFTER INSERT ON rating WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'DELETE FROM rating WHERE ' || 'filmId = ' || quote(new.filmId) FROM undoRecording;
END;

CREATE TRIGGER undo_rating_update AFTER UPDATE ON rating WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'UPDATE rating SET ' || 'filmId = ' || quote(old.filmId) || ', ' || 'halfStars = ' || quote(old.halfStars) || ', ' || 'ratedAt = ' || quote(old.ratedAt) || ' WHERE ' || 'filmId = ' || quote(new.filmId) FROM undoRecording;
END;

CREATE TRIGGER undo_rating_delete AFTER DELETE ON rating WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'INSERT INTO rating (filmId, halfStars, ratedAt) VALUES (' || quote(old.filmId) || ', ' || quote(old.halfStars) || ', ' || quote(old.ratedAt) || ')' FROM undoRecording;
END;

CREATE TRIGGER undo_note_insert AFTER INSERT ON note WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'DELETE FROM note WHERE ' || 'id = ' || quote(new.id) FROM undoRecording;
END;

CREATE TRIGGER undo_note_update AFTER UPDATE ON note WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'UPDATE note SET ' || 'id = ' || quote(old.id) || ', ' || 'filmId = ' || quote(old.filmId) || ', ' || 'text = ' || quote(old.text) || ', ' || 'createdAt = ' || quote(old.createdAt) || ', ' || 'updatedAt = ' || quote(old.updatedAt) || ' WHERE ' || 'id = ' || quote(new.id) FROM undoRecording;
END;

CREATE TRIGGER undo_note_delete AFTER DELETE ON note WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'INSERT INTO note (id, filmId, text, createdAt, updatedAt) VALUES (' || quote(old.id) || ', ' || quote(old.filmId) || ', ' || quote(old.text) || ', ' || quote(old.createdAt) || ', ' || quote(old.updatedAt) || ')' FROM undoRecording;
END;

CREATE TRIGGER undo_filmTag_insert AFTER INSERT ON filmTag WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'DELETE FROM filmTag WHERE ' || 'filmId = ' || quote(new.filmId) || ' AND ' || 'tag = ' || quote(new.tag) FROM undoRecording;
END;

CREATE TRIGGER undo_filmTag_update AFTER UPDATE ON filmTag WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'UPDATE filmTag SET ' || 'filmId = ' || quote(old.filmId) || ', ' || 'tag = ' || quote(old.tag) || ', ' || 'addedAt = ' || quote(old.addedAt) || ' WHERE ' || 'filmId = ' || quote(new.filmId) || ' AND ' || 'tag = ' || quote(new.tag) FROM undoRecording;
END;

CREATE TRIGGER undo_filmTag_delete AFTER DELETE ON filmTag WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'INSERT INTO filmTag (filmId, tag, addedAt) VALUES (' || quote(old.filmId) || ', ' || quote(old.tag) || ', ' || quote(old.addedAt) || ')' FROM undoRecording;
END;
