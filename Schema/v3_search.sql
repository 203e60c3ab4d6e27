-- Schema version 3: full-text search over titles, descriptions, facts, notes and tags.
-- One row per film (rowid = film id), kept in step with the data by triggers.

CREATE VIRTUAL TABLE filmSearch USING fts5(
    title, description, fact, notes, tags,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO filmSearch (rowid, title, description, fact, notes, tags)
SELECT f.id, f.title, f.description, f.fact,
       (SELECT group_concat(text, ' ') FROM note WHERE filmId = f.id),
       (SELECT group_concat(tag, ' ') FROM filmTag WHERE filmId = f.id)
FROM film f;

CREATE TRIGGER filmSearch_filmInsert AFTER INSERT ON film BEGIN
    INSERT INTO filmSearch (rowid, title, description, fact) VALUES (new.id, new.title, new.description, new.fact);
END;

CREATE TRIGGER filmSearch_filmUpdate AFTER UPDATE OF title, description, fact ON film BEGIN
    UPDATE filmSearch SET title = new.title, description = new.description, fact = new.fact WHERE rowid = new.id;
END;

CREATE TRIGGER filmSearch_filmDelete AFTER DELETE ON film BEGIN
    DELETE FROM filmSearch WHERE rowid = old.id;
END;

CREATE TRIGGER filmSearch_noteInsert AFTER INSERT ON note BEGIN
    UPDATE filmSearch SET notes = (SELECT group_concat(text, ' ') FROM note WHERE filmId = new.filmId) WHERE rowid = new.filmId;
END;

CREATE TRIGGER filmSearch_noteUpdate AFTER UPDATE OF text ON note BEGIN
    UPDATE filmSearch SET notes = (SELECT group_concat(text, ' ') FROM note WHERE filmId = new.filmId) WHERE rowid = new.filmId;
END;

CREATE TRIGGER filmSearch_noteDelete AFTER DELETE ON note BEGIN
    UPDATE filmSearch SET notes = (SELECT group_concat(text, ' ') FROM note WHERE filmId = old.filmId) WHERE rowid = old.filmId;
END;

CREATE TRIGGER filmSearch_tagInsert AFTER INSERT ON filmTag BEGIN
    UPDATE filmSearch SET tags = (SELECT group_concat(tag, ' ') FROM filmTag WHERE filmId = new.filmId) WHERE rowid = new.filmId;
END;

CREATE TRIGGER filmSearch_tagDelete AFTER DELETE ON filmTag BEGIN
    UPDATE filmSearch SET tags = (SELECT group_concat(tag, ' ') FROM filmTag WHERE filmId = old.filmId) WHERE rowid = old.filmId;
END;
