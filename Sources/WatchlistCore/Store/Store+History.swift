import Foundation
internal import GRDB

/// The history: one entry a recorded change, holding the changeset of what it changed (in parts,
/// `historyChange`), which `undo` inverts.
extension Store {
    /// Opens a history entry for the change being made: what the change records from here on is
    /// kept under it (`ChangeRecorder`). Entries older than the last `keep` are forgotten,
    /// with their changesets.
    /// A change made here goes to the sync folder at the next sync (`sendsToFolder`), once the
    /// device has synced; what sync applies from other devices does not.
    func beginRecording(command: String, at timestamp: String, keep: Int, safetyCopy: String? = nil, sendsToFolder: Bool = true) throws -> Int64 {
        try execute("INSERT INTO history (at, command, summary, safetyCopy) VALUES (?, ?, '', ?)", [timestamp, command, safetyCopy])
        let id = db.lastInsertedRowID
        try execute("DELETE FROM history WHERE id <= ?", [id - Int64(keep)])
        recording?.record(under: id)
        if sendsToFolder, safetyCopy == nil { recording?.outboxTime = try syncTick(wall: timestamp) }
        return id
    }

    /// Closes the entry: its summary, and its changeset written. A change that changed no
    /// shared row (or `keep` false) leaves no entry. Without the session extension an entry is
    /// kept, and cannot be undone.
    func endRecording(_ id: Int64, summary: String, keep: Bool = true) throws {
        guard let recording else {
            if keep { try execute("UPDATE history SET summary = ?, undoable = 0 WHERE id = ?", [summary, id]) }
            else { try deleteHistoryEntry(id) }
            return
        }
        let parts = try recording.finishRecording()
        if keep, parts > 0 {
            try execute("UPDATE history SET summary = ? WHERE id = ?", [summary, id])
        } else {
            try deleteHistoryEntry(id)
        }
    }

    /// Closes a restore's entry: its undo is its safety copy, not a changeset.
    func endRecordingRestore(_ id: Int64, summary: String) throws {
        _ = try recording?.finishRecording()
        try execute("UPDATE history SET summary = ? WHERE id = ?", [summary, id])
    }

    /// The recorded changes, newest first.
    func history() throws -> [HistoryEntry] {
        try all("SELECT id, at, command, summary, safetyCopy, undoable FROM history ORDER BY id DESC") {
            HistoryEntry(id: try $0.decode(atIndex: 0), at: try $0.decode(atIndex: 1), command: try $0.decode(atIndex: 2),
                         summary: try $0.decode(atIndex: 3), safetyCopy: try $0.decode(atIndex: 4), undoable: try $0.decode(atIndex: 5))
        }
    }

    /// Forgets a history entry, and its changeset.
    func deleteHistoryEntry(_ id: Int64) throws {
        try execute("DELETE FROM history WHERE id = ?", [id])
    }

    /// Reverts a recorded change exactly and forgets it: the inverse of each part of its
    /// changeset, last part first. A stored changeset is data: one that is damaged, or that
    /// names a table devices do not share, is damage (74) and nothing changes. One whose rows
    /// are no longer as it left them (changed since, outside the history) is refused (1),
    /// naming the first such row, and nothing changes: never a half undo.
    func undo(_ entry: HistoryEntry, at wall: String) throws {
        // The undo is a change like any other for the other devices: its inverses go to the folder.
        let sendAt = try syncTick(wall: wall)
        let parts = try values(Int64.self, "SELECT part FROM historyChange WHERE historyId = ? ORDER BY part DESC", [entry.id])
        guard !parts.isEmpty else {
            throw WatchlistError.nothingChanged("The latest change ('\(entry.command)' at \(entry.at)) has no record of what it changed to undo")
        }
        func damaged(_ problem: String) -> DamagedValue { DamagedValue(table: "historyChange", row: entry.id, problem: problem) }
        for part in parts {
            guard let stored = try value(Data.self, "SELECT changeset FROM historyChange WHERE historyId = ? AND part = ?", [entry.id, part]) else {
                throw damaged("part \(part) of its changeset is not a changeset")
            }
            let inverse: Changeset
            do {
                inverse = try Changeset(bytes: [UInt8](stored)).inverted()
                try recording?.note(inverse)
            } catch {
                throw damaged("part \(part) of its changeset is damaged: it is not a changeset SQLite can read")
            }
            // The undo's own rows are not recorded again: the films it touches are noted from the inverse.
            recording?.pause()
            defer { recording?.resume() }
            do {
                try inverse.applying(self)
            } catch .foreignTable {
                throw damaged("part \(part) of its changeset changes a table that is not one devices share")
            } catch .damaged {
                throw damaged("part \(part) of its changeset is damaged: it is not a changeset SQLite can read")
            } catch .breaksSchema(let conflict) {
                throw damaged("part \(part) of its changeset breaks a rule of the schema: \(conflict)")
            } catch .conflict(let conflict) {
                throw WatchlistError.nothingChanged("The latest change ('\(entry.command)' at \(entry.at)) cannot be undone exactly: "
                    + "since it was made, \(conflict) (changed outside watchlist's history)")
            }
            if let sendAt { try sendToFolder(inverse, at: sendAt) }
        }
        try numberNewRows()
        try deleteHistoryEntry(entry.id)
    }
}
