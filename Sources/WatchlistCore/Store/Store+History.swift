internal import GRDB

extension Store {
    /// Starts recording a change: until `endRecording`, the triggers of Schema/v6 log what
    /// reverts every row the transaction changes; with `bulk` (an import), the rows it inserts
    /// carry the entry's id instead. Entries older than the last `keep` are forgotten.
    func beginRecording(command: String, at timestamp: String, keep: Int, bulk: Bool = false,
                        safetyCopy: String? = nil) throws -> Int64 {
        try execute("INSERT INTO history (at, command, summary, safetyCopy) VALUES (?, ?, '', ?)", [timestamp, command, safetyCopy])
        let id = db.lastInsertedRowID
        try execute("DELETE FROM history WHERE id <= ?", [id - Int64(keep)])
        try execute("INSERT INTO undoRecording (historyId, bulk) VALUES (?, ?)", [id, bulk])
        return id
    }

    /// Ends the recording begun by `beginRecording`; a change that changed nothing (no row
    /// logged or inserted, or `keep` false) leaves no entry.
    func endRecording(_ id: Int64, summary: String, keep: Bool = true) throws {
        try execute("DELETE FROM undoRecording")
        if keep, try hasUndoData(id) {
            try execute("UPDATE history SET summary = ? WHERE id = ?", [summary, id])
        } else {
            try execute("DELETE FROM history WHERE id = ?", [id])
        }
    }

    /// Whether the entry has anything to undo: a log row, or rows that carry its id.
    private func hasUndoData(_ id: Int64) throws -> Bool {
        let tables = UndoTables.all.map { "EXISTS (SELECT 1 FROM \($0.name) WHERE importId = ?1)" }
        return try value(Bool.self, "SELECT EXISTS (SELECT 1 FROM undoLog WHERE historyId = ?1) OR " + tables.joined(separator: " OR "),
                         [id]) ?? false
    }

    /// The recorded changes, newest first.
    func history() throws -> [HistoryEntry] {
        try all("SELECT id, at, command, summary, safetyCopy, undoable FROM history ORDER BY id DESC") {
            HistoryEntry(id: try $0.decode(atIndex: 0), at: try $0.decode(atIndex: 1), command: try $0.decode(atIndex: 2),
                         summary: try $0.decode(atIndex: 3), safetyCopy: try $0.decode(atIndex: 4), undoable: try $0.decode(atIndex: 5))
        }
    }

    /// Forgets a history entry.
    func deleteHistoryEntry(_ id: Int64) throws {
        try execute("DELETE FROM history WHERE id = ?", [id])
    }
}
