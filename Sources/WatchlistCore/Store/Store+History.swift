internal import GRDB

extension Store {
    /// Starts recording a change: until `endRecording`, the triggers of Schema/v4 write the SQL
    /// that reverts every row the transaction changes. Entries older than the last `keep` are
    /// forgotten.
    func beginRecording(command: String, at timestamp: String, keep: Int) throws -> Int64 {
        try execute("INSERT INTO history (at, command, summary) VALUES (?, ?, '')", [timestamp, command])
        let id = db.lastInsertedRowID
        try execute("DELETE FROM history WHERE id <= ?", [id - Int64(keep)])
        try execute("INSERT INTO undoRecording (historyId) VALUES (?)", [id])
        return id
    }

    /// From here to the end of the recording, the viewings inserted are reverted by one range
    /// delete (their ids all follow today's largest), not a statement each: for imports.
    func recordViewingsInBulk() throws {
        let largest = try value(Int64.self, "SELECT coalesce(max(id), 0) FROM viewing") ?? 0
        try execute("""
            INSERT INTO undoLog (historyId, statement) SELECT historyId, 'DELETE FROM viewing WHERE id > ' || ? FROM undoRecording
            """, [largest])
        try execute("UPDATE undoRecording SET bulkViewings = 1")
    }

    /// Ends the recording begun by `beginRecording`; a change that changed nothing (no row, or
    /// `keep` false) leaves no entry.
    func endRecording(_ id: Int64, summary: String, keep: Bool = true) throws {
        try execute("DELETE FROM undoRecording")
        if keep, try value(Bool.self, "SELECT EXISTS (SELECT 1 FROM undoLog WHERE historyId = ?)", [id]) == true {
            try execute("UPDATE history SET summary = ? WHERE id = ?", [summary, id])
        } else {
            try execute("DELETE FROM history WHERE id = ?", [id])
        }
    }

    /// The recorded changes, newest first.
    func history() throws -> [HistoryEntry] {
        try all("SELECT id, at, command, summary FROM history ORDER BY id DESC") {
            HistoryEntry(id: $0[0], at: $0[1], command: $0[2], summary: $0[3])
        }
    }

    /// Reverts the latest recorded change exactly and forgets it; nil when there is none.
    func undoLatest() throws -> HistoryEntry? {
        guard let entry = try history().first else { return nil }
        // Rows come back parents and children in any order; the keys are checked at commit.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        let statements = try values(String.self, "SELECT statement FROM undoLog WHERE historyId = ? ORDER BY id DESC", [entry.id])
        for statement in statements { try db.execute(sql: statement) }
        try execute("DELETE FROM history WHERE id = ?", [entry.id])
        return entry
    }
}
