-- Schema version 5: what imports need to know films as the world knows them.
--   filmIdentifier: the ids other services give a film (IMDb's title id, Letterboxd's film
--     link, TMDB's id), one of each kind a film, each naming one film.
--   filmTitle: other titles of a film (IMDb's Original Title), found by references and imports.
--   viewing.placeholder: an undated viewing that exists only because a file said "watched"
--     without a day; a dated viewing from a later import replaces it.
--   note.source: the Letterboxd entry a review came from, so that an edited review updates
--     its note instead of adding one.
--   collection.origin: where an imported list or watchlist comes from, so that a newer export
--     replaces its membership.
--   collectionFilm.note: what a list says of one of its entries.
-- Title keys fold letters that do not decompose (ø→o, æ→ae, œ→oe, ł→l, đ and ð→d, þ→th, ı→i).

-- The key's columns come first: SQLite 3.40's integrity_check reports a NOT NULL column before
-- the primary key of a WITHOUT ROWID table as NULL when it is not.
CREATE TABLE filmIdentifier (
    kind   TEXT    NOT NULL CHECK (kind IN ('imdb', 'letterboxd', 'tmdb')),
    value  TEXT    NOT NULL
           CHECK (length(value) BETWEEN 1 AND 200
                  AND (kind <> 'imdb' OR (value GLOB 'tt[0-9]*' AND value NOT GLOB 'tt*[^0-9]*'))
                  AND (kind <> 'tmdb' OR (value NOT GLOB '*[^0-9]*'))
                  AND (kind <> 'letterboxd' OR value GLOB 'https://*')),
    filmId INTEGER NOT NULL REFERENCES film (id) ON DELETE CASCADE,
    PRIMARY KEY (kind, value),
    UNIQUE (filmId, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE filmTitle (
    filmId   INTEGER NOT NULL REFERENCES film (id) ON DELETE CASCADE,
    title    TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    titleKey TEXT    NOT NULL,
    PRIMARY KEY (filmId, title)
) STRICT, WITHOUT ROWID;

CREATE INDEX filmTitle_titleKey ON filmTitle (titleKey);

ALTER TABLE viewing ADD COLUMN placeholder INTEGER NOT NULL DEFAULT 0 CHECK (placeholder IN (0, 1));

ALTER TABLE note ADD COLUMN source TEXT CHECK (source IS NULL OR length(source) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX note_source ON note (source) WHERE source IS NOT NULL;

ALTER TABLE collection ADD COLUMN origin TEXT CHECK (origin IS NULL OR length(origin) BETWEEN 1 AND 300);
CREATE UNIQUE INDEX collection_origin ON collection (origin) WHERE origin IS NOT NULL;

ALTER TABLE collectionFilm ADD COLUMN note TEXT NOT NULL DEFAULT '';

UPDATE film SET titleKey =
    replace(replace(replace(replace(replace(replace(replace(replace(titleKey,
        'ø', 'o'), 'æ', 'ae'), 'œ', 'oe'), 'ł', 'l'), 'đ', 'd'), 'ð', 'd'), 'þ', 'th'), 'ı', 'i')
WHERE titleKey GLOB '*[øæœłđðþı]*';

-- The undo triggers of v4 list each table's columns: the tables that gained one get them
-- again with it, and the new tables get their own.
DROP TRIGGER undo_viewing_update;
DROP TRIGGER undo_viewing_delete;
DROP TRIGGER undo_note_update;
DROP TRIGGER undo_note_delete;
DROP TRIGGER undo_collection_update;
DROP TRIGGER undo_collection_delete;
DROP TRIGGER undo_collectionFilm_update;
DROP TRIGGER undo_collectionFilm_delete;

CREATE TRIGGER undo_viewing_update AFTER UPDATE ON viewing WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'UPDATE viewing SET ' || 'id = ' || quote(old.id) || ', ' || 'filmId = ' || quote(old.filmId) || ', ' || 'watchedOn = ' || quote(old.watchedOn) || ', ' || 'rewatch = ' || quote(old.rewatch) || ', ' || 'loggedAt = ' || quote(old.loggedAt) || ', ' || 'placeholder = ' || quote(old.placeholder) || ' WHERE ' || 'id = ' || quote(new.id) FROM undoRecording;
END;

CREATE TRIGGER undo_viewing_delete AFTER DELETE ON viewing WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'INSERT INTO viewing (id, filmId, watchedOn, rewatch, loggedAt, placeholder) VALUES (' || quote(old.id) || ', ' || quote(old.filmId) || ', ' || quote(old.watchedOn) || ', ' || quote(old.rewatch) || ', ' || quote(old.loggedAt) || ', ' || quote(old.placeholder) || ')' FROM undoRecording;
END;

CREATE TRIGGER undo_note_update AFTER UPDATE ON note WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'UPDATE note SET ' || 'id = ' || quote(old.id) || ', ' || 'filmId = ' || quote(old.filmId) || ', ' || 'text = ' || quote(old.text) || ', ' || 'createdAt = ' || quote(old.createdAt) || ', ' || 'updatedAt = ' || quote(old.updatedAt) || ', ' || 'source = ' || quote(old.source) || ' WHERE ' || 'id = ' || quote(new.id) FROM undoRecording;
END;

CREATE TRIGGER undo_note_delete AFTER DELETE ON note WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'INSERT INTO note (id, filmId, text, createdAt, updatedAt, source) VALUES (' || quote(old.id) || ', ' || quote(old.filmId) || ', ' || quote(old.text) || ', ' || quote(old.createdAt) || ', ' || quote(old.updatedAt) || ', ' || quote(old.source) || ')' FROM undoRecording;
END;

CREATE TRIGGER undo_collection_update AFTER UPDATE ON collection WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'UPDATE collection SET ' || 'id = ' || quote(old.id) || ', ' || 'slug = ' || quote(old.slug) || ', ' || 'title = ' || quote(old.title) || ', ' || 'description = ' || quote(old.description) || ', ' || 'builtIn = ' || quote(old.builtIn) || ', ' || 'createdAt = ' || quote(old.createdAt) || ', ' || 'origin = ' || quote(old.origin) || ' WHERE ' || 'id = ' || quote(new.id) FROM undoRecording;
END;

CREATE TRIGGER undo_collection_delete AFTER DELETE ON collection WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'INSERT INTO collection (id, slug, title, description, builtIn, createdAt, origin) VALUES (' || quote(old.id) || ', ' || quote(old.slug) || ', ' || quote(old.title) || ', ' || quote(old.description) || ', ' || quote(old.builtIn) || ', ' || quote(old.createdAt) || ', ' || quote(old.origin) || ')' FROM undoRecording;
END;

CREATE TRIGGER undo_collectionFilm_update AFTER UPDATE ON collectionFilm WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'UPDATE collectionFilm SET ' || 'collectionId = ' || quote(old.collectionId) || ', ' || 'filmId = ' || quote(old.filmId) || ', ' || 'position = ' || quote(old.position) || ', ' || 'note = ' || quote(old.note) || ' WHERE ' || 'collectionId = ' || quote(new.collectionId) || ' AND ' || 'filmId = ' || quote(new.filmId) FROM undoRecording;
END;

CREATE TRIGGER undo_collectionFilm_delete AFTER DELETE ON collectionFilm WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'INSERT INTO collectionFilm (collectionId, filmId, position, note) VALUES (' || quote(old.collectionId) || ', ' || quote(old.filmId) || ', ' || quote(old.position) || ', ' || quote(old.note) || ')' FROM undoRecording;
END;

CREATE TRIGGER undo_filmIdentifier_insert AFTER INSERT ON filmIdentifier WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'DELETE FROM filmIdentifier WHERE ' || 'kind = ' || quote(new.kind) || ' AND ' || 'value = ' || quote(new.value) FROM undoRecording;
END;

CREATE TRIGGER undo_filmIdentifier_delete AFTER DELETE ON filmIdentifier WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'INSERT INTO filmIdentifier (kind, value, filmId) VALUES (' || quote(old.kind) || ', ' || quote(old.value) || ', ' || quote(old.filmId) || ')' FROM undoRecording;
END;

CREATE TRIGGER undo_filmTitle_insert AFTER INSERT ON filmTitle WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'DELETE FROM filmTitle WHERE ' || 'filmId = ' || quote(new.filmId) || ' AND ' || 'title = ' || quote(new.title) FROM undoRecording;
END;

CREATE TRIGGER undo_filmTitle_delete AFTER DELETE ON filmTitle WHEN EXISTS (SELECT 1 FROM undoRecording) BEGIN
    INSERT INTO undoLog (historyId, statement) SELECT historyId, 'INSERT INTO filmTitle (filmId, title, titleKey) VALUES (' || quote(old.filmId) || ', ' || quote(old.title) || ', ' || quote(old.titleKey) || ')' FROM undoRecording;
END;
