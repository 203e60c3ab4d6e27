-- Schema version 11: `watchlist sync DIR` (issue "sync"). Every table here is the device's
-- own, never in a changeset: what it is called in the folder, its clock, the changes it has
-- not written to the folder yet, what it has applied of each other device's, and the times
-- that decide conflicts the same way on every device.

-- This device, once it has synced: its id (the name of its folder), the name people read,
-- and its hybrid logical clock (the latest time it gave or saw, "<ms>.<count>.<device>").
-- Its files are numbered from 1; `written` is the last it wrote, `outboxWritten` the last
-- outbox entry that file held; `needsSnapshot`: its next file is a snapshot of the whole diary
-- (its first, after a restore replaced everything, and when `sinceSnapshot`, the bytes of
-- changesets written since its latest snapshot, outweighs twice the larger of `snapshotBytes`,
-- that snapshot's size, and what a snapshot would weigh now).
CREATE TABLE syncDevice (
    id            TEXT PRIMARY KEY CHECK (length(id) = 16 AND id NOT GLOB '*[^0-9a-f]*'),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    clock         TEXT NOT NULL,
    written       INTEGER NOT NULL DEFAULT 0 CHECK (written >= 0),
    outboxWritten INTEGER NOT NULL DEFAULT 0 CHECK (outboxWritten >= 0),
    needsSnapshot INTEGER NOT NULL DEFAULT 1 CHECK (needsSnapshot IN (0, 1)),
    sinceSnapshot INTEGER NOT NULL DEFAULT 0 CHECK (sinceSnapshot >= 0),
    snapshotBytes INTEGER NOT NULL DEFAULT 0 CHECK (snapshotBytes >= 0),
    createdAt     TEXT NOT NULL
) STRICT;

-- The changes made here and not yet written to the folder: each recorded change's changeset
-- (in the parts the history keeps) with its time. An undo's inverse is one too.
CREATE TABLE syncOutbox (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    changeset BLOB NOT NULL CHECK (length(changeset) > 0)
) STRICT;

-- Each other device seen in the folder: the last of its files applied here (they are applied
-- in order), its name, and the file it waits at when one is missing or refused.
CREATE TABLE syncPeer (
    id        TEXT PRIMARY KEY CHECK (length(id) = 16 AND id NOT GLOB '*[^0-9a-f]*'),
    name      TEXT NOT NULL,
    applied   INTEGER NOT NULL DEFAULT 0 CHECK (applied >= 0)
) STRICT;

-- The time of the latest change to a row whose conflicts the latest change decides (a rating,
-- a note, a film, a field of a film's facts, a collection), by table and key; `deleted`: the
-- change removed it, and `row` then holds its values (JSON) so that a later edit elsewhere
-- can bring it back. Kept 400 days after the change (README "Several devices").
CREATE TABLE syncRowTime (
    tableName TEXT NOT NULL,
    rowKey    INTEGER NOT NULL,
    at        TEXT NOT NULL,
    deleted   INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    row       TEXT,
    PRIMARY KEY (tableName, rowKey)
) STRICT, WITHOUT ROWID;
