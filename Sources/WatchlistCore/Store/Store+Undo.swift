internal import GRDB

/// A table undo may change: its columns in the order the undo log holds them (v0…, importId
/// last) and its key (k0…). The statements undo runs are made from these names only, compiled
/// into the tool; the log gives values, bound as such, and checked against the column's kind.
struct UndoTable {
    enum Kind { case integer, text, optionalInteger, optionalText }

    let name: String
    let columns: [(name: String, kind: Kind)]
    let key: [String]

    var columnNames: [String] { columns.map(\.name) }
}

enum UndoTables {
    /// Children first: the order an import's rows are deleted in.
    static let all: [UndoTable] = [
        UndoTable(name: "collectionFilm", columns: [("collectionId", .integer), ("filmId", .integer), ("position", .integer),
                                                    ("note", .text), ("importId", .optionalInteger)], key: ["collectionId", "filmId"]),
        UndoTable(name: "viewing", columns: [("id", .integer), ("filmId", .integer), ("watchedOn", .optionalText), ("rewatch", .integer),
                                             ("loggedAt", .text), ("placeholder", .integer), ("importId", .optionalInteger)], key: ["id"]),
        UndoTable(name: "rating", columns: [("filmId", .integer), ("halfStars", .integer), ("ratedAt", .text), ("importId", .optionalInteger)],
                  key: ["filmId"]),
        UndoTable(name: "note", columns: [("id", .integer), ("filmId", .integer), ("text", .text), ("createdAt", .text), ("updatedAt", .text),
                                          ("source", .optionalText), ("importedText", .optionalText), ("importId", .optionalInteger)],
                  key: ["id"]),
        UndoTable(name: "filmTag", columns: [("filmId", .integer), ("tag", .text), ("addedAt", .text), ("importId", .optionalInteger)],
                  key: ["filmId", "tag"]),
        UndoTable(name: "filmIdentifier", columns: [("kind", .text), ("value", .text), ("filmId", .integer), ("importId", .optionalInteger)],
                  key: ["kind", "value"]),
        UndoTable(name: "filmTitle", columns: [("filmId", .integer), ("title", .text), ("titleKey", .text), ("importId", .optionalInteger)],
                  key: ["filmId", "title"]),
        UndoTable(name: "filmFact", columns: [("id", .integer), ("filmId", .integer), ("source", .text), ("field", .text), ("position", .integer),
                                              ("value", .text), ("valueKey", .text), ("importId", .optionalInteger)], key: ["id"]),
        UndoTable(name: "film", columns: [("id", .integer), ("title", .text), ("year", .optionalInteger), ("description", .text),
                                          ("fact", .text), ("titleKey", .text), ("importId", .optionalInteger)], key: ["id"]),
        UndoTable(name: "collection", columns: [("id", .integer), ("slug", .text), ("title", .text), ("description", .text),
                                                ("builtIn", .integer), ("createdAt", .text), ("origin", .optionalText),
                                                ("importId", .optionalInteger)], key: ["id"]),
    ]

    static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}

extension Store {
    /// Reverts a recorded change exactly and forgets it: the rows its import added go by their
    /// importId, then the logged rows are put back, newest first. Nothing read from the
    /// database is run as SQL. A log row that names an unknown table or operation, or holds a
    /// value of the wrong kind, is damage (74), and nothing is changed.
    func undo(_ entry: HistoryEntry) throws {
        // Rows come back parents and children in any order; the keys are checked at commit.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        // The search index follows from the change's changeset (`AppDatabase.change`).
        for table in UndoTables.all {
            try execute("DELETE FROM \(table.name) WHERE importId = ?", [entry.id])
        }
        let log = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, tableName, operation, v0, v1, v2, v3, v4, v5, v6, v7, k0, k1 FROM undoLog WHERE historyId = ? ORDER BY id DESC
            """), arguments: [entry.id])
        while let row = try log.next() {
            let logId = try row.value(0, "undoLog") as Int64
            do {
                try replay(row)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw DamagedValue(table: "undoLog", row: logId, problem: "putting it back breaks a rule of the schema")
            }
        }
        // A log written by another program could leave rows that refer to missing ones, which
        // the commit would refuse with no word of which.
        if let orphan = try one("PRAGMA foreign_key_check", [], {
            (String.fromDatabaseValue($0[0] as DatabaseValue) ?? "?", Int64.fromDatabaseValue($0[1] as DatabaseValue) ?? 0)
        }) {
            throw DamagedValue(table: "undoLog", row: 0,
                               problem: "undoing entry \(entry.id) would leave \(orphan.0) row \(orphan.1) referring to a missing row")
        }
        try deleteHistoryEntry(entry.id)
    }

    /// Applies one log row.
    private func replay(_ row: Row) throws {
        let logId: Int64 = try row.decode(atIndex: 0)
        func damaged(_ problem: String) -> DamagedValue { DamagedValue(table: "undoLog", row: logId, problem: problem) }
        let tableName: String = try row.decode(atIndex: 1)
        let operation: String = try row.decode(atIndex: 2)
        guard let table = UndoTables.byName[tableName] else { throw damaged("'\(tableName)' is not a table undo changes") }
        let values = (0..<table.columns.count).map { row[3 + $0] as DatabaseValue }
        let key = (0..<table.key.count).map { row[11 + $0] as DatabaseValue }
        switch operation {
        case "insert":
            // The row the change added goes; its key is in k0….
            for (name, value) in zip(table.key, key) {
                guard let column = table.columns.first(where: { $0.name == name }), accepts(column.kind, value) else {
                    throw damaged("the key \(name) of a \(tableName) row is not what the table holds")
                }
            }
            try execute("DELETE FROM \(tableName) WHERE " + table.key.map { "\($0) = ?" }.joined(separator: " AND "), StatementArguments(key))
        case "delete", "update":
            for (column, value) in zip(table.columns, values) where !accepts(column.kind, value) {
                throw damaged("the \(column.name) of a \(tableName) row is not what the table holds")
            }
            if operation == "delete" {
                let names = table.columnNames
                try execute("INSERT INTO \(tableName) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                            StatementArguments(values))
                return
            }
            try execute("UPDATE \(tableName) SET " + table.columnNames.map { "\($0) = ?" }.joined(separator: ", ")
                        + " WHERE " + table.key.map { "\($0) = ?" }.joined(separator: " AND "), StatementArguments(values + key))
        default:
            throw damaged("'\(operation)' is not an operation undo knows")
        }
    }

    private func accepts(_ kind: UndoTable.Kind, _ value: DatabaseValue) -> Bool {
        switch (kind, value.storage) {
        case (.integer, .int64), (.optionalInteger, .int64), (.optionalInteger, .null),
             (.text, .string), (.optionalText, .string), (.optionalText, .null):
            true
        default:
            false
        }
    }
}
