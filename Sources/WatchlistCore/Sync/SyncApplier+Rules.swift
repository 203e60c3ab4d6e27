import Foundation
internal import GRDB

/// The rules that keep rows whole when two devices changed them: parents brought back, a
/// uniqueness broken by two devices decided for the smaller key, a losing note's text kept,
/// positions renumbered.
extension SyncApplier {
    /// Whether the rows `values` refers to are here: a film or collection removed here comes
    /// back from what its removal kept (`syncRowTime.row`); otherwise the row is not applied.
    mutating func parentsExist(_ table: String, _ values: [DatabaseValue]) throws -> Bool {
        let columns = try rows.columns(table)
        for (column, parent) in [("filmId", "film"), ("collectionId", "collection")] {
            guard let index = columns.firstIndex(of: column), table != parent,
                  let key = Int64.fromDatabaseValue(values[index]) else { continue }
            if presentParents[parent]?.contains(key) == true { continue }
            if try rows.row(parent, primaryKey: [true] + Array(repeating: false, count: try rows.columns(parent).count - 1),
                            key: [key.databaseValue]) != nil {
                presentParents[parent, default: []].insert(key)
                continue
            }
            guard let known = try store.rowTime(parent, key), known.deleted, let json = known.row,
                  let removed = SyncRows.values(json: json), removed.count == (try rows.columns(parent).count) else {
                decisions.append("a row of \(table) for a \(parent) this device does not hold was not applied")
                return false
            }
            try insertResolving(parent, removed)
            // Back with the time of its values, as it is where it was not removed.
            try store.resetRowTime(parent, key, at: try store.rowTime(SyncApplier.valuesTable(parent), key)?.at)
            try noteHeld(parent, key, removedAt: known.at)
            try restoreReleasedRows(parent, key)
            try store.numberNewRows()
            decisions.append("\(describe(parent, removed)): removed here, brought back for what another device added to it")
        }
        return true
    }

    /// Inserts a row; a uniqueness another row of this database already holds is decided by
    /// `resolve`, and a value that breaks a rule of the schema refuses the file.
    /// `ifAbsent` (the table's primary key): nothing is written when a row with the key is
    /// there, and the result says so (false).
    @discardableResult
    mutating func insertResolving(_ table: String, _ values: [DatabaseValue], ifAbsent primaryKey: [Bool]? = nil) throws -> Bool {
        do {
            if let primaryKey { return try rows.insertIfAbsent(table, primaryKey: primaryKey, values) }
            try rows.insert(table, values)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            guard let resolved = try resolve(table, values) else { return true }
            if let primaryKey { return try rows.insertIfAbsent(table, primaryKey: primaryKey, resolved) }
            try rows.insert(table, resolved)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw SyncFile.Refusal.damaged("a row of \(table) breaks a rule of the schema (\(error.message ?? "a constraint"))")
        }
        return true
    }

    mutating func updateResolving(_ table: String, primaryKey: [Bool], key: [DatabaseValue], _ values: [DatabaseValue?]) throws {
        do {
            try rows.update(table, primaryKey: primaryKey, key: key, values)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            guard var local = try rows.row(table, primaryKey: primaryKey, key: key) else { return }
            for (index, value) in values.enumerated() where value != nil { local[index] = value! }
            guard let resolved = try resolve(table, local) else { return }
            try rows.update(table, primaryKey: primaryKey, key: key, resolved.map { Optional($0) })
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw SyncFile.Refusal.damaged("a row of \(table) breaks a rule of the schema (\(error.message ?? "a constraint"))")
        }
    }

    /// A row that meets another on a unique value: what to write instead, or nil to write
    /// nothing. The row with the smaller key keeps the value, on every device alike.
    private mutating func resolve(_ table: String, _ values: [DatabaseValue]) throws -> [DatabaseValue]? {
        let columns = try rows.columns(table)
        func column(_ name: String) -> Int { columns.firstIndex(of: name)! }
        var values = values
        switch table {
        case "collectionFilm":
            // A position taken twice: the row waits at the end, and the collection is renumbered.
            let collection = Int64.fromDatabaseValue(values[column("collectionId")]) ?? 0
            let film = Int64.fromDatabaseValue(values[column("filmId")]) ?? 0
            wantPosition(collection: collection, film: film, position: Int64.fromDatabaseValue(values[column("position")]) ?? 0)
            let last = try store.value(Int64.self, "SELECT max(position) FROM collectionFilm WHERE collectionId = ?", [collection]) ?? 0
            values[column("position")] = (last + 1).databaseValue
            return values
        case "collection":
            let key = Int64.fromDatabaseValue(values[0]) ?? 0
            for name in ["slug", "origin"] {
                let value = values[column(name)]
                guard !value.isNull, let holder = try store.value(Int64.self, "SELECT id FROM collection WHERE \(name) = ? AND id <> ?", [value, key]) else { continue }
                let moved: DatabaseValue = name == "slug" ? (String(String.fromDatabaseValue(value)?.prefix(50) ?? "list") + "-" + String(String(max(key, holder), radix: 16).prefix(8))).databaseValue : .null
                decisions.append("the collections \(String.fromDatabaseValue(values[column("slug")]) ?? "") of two devices had the same \(name); the older key keeps it")
                if holder < key { values[column(name)] = moved } else {
                    try store.execute("UPDATE collection SET \(name) = ? WHERE id = ?", [moved, holder])
                }
            }
            return values
        case "note":
            let key = Int64.fromDatabaseValue(values[0]) ?? 0
            let source = values[column("source")]
            guard !source.isNull, let holder = try store.value(Int64.self, "SELECT id FROM note WHERE source = ? AND id <> ?", [source, key]) else { return nil }
            decisions.append("two notes came from the same review; the older key keeps its link")
            if holder < key { values[column("source")] = .null } else { try store.execute("UPDATE note SET source = NULL WHERE id = ?", [holder]) }
            return values
        case "filmIdentifier":
            // A film given two ids of one kind: the smaller id stays.
            let (kind, value, film) = (values[column("kind")], values[column("value")], values[column("filmId")])
            guard let ours = try store.value(String.self, "SELECT value FROM filmIdentifier WHERE filmId = ? AND kind = ?", [film, kind]) else { return nil }
            decisions.append("a film was given two ids of one kind on two devices; the smaller one stays")
            guard let theirs = String.fromDatabaseValue(value), theirs < ours else { return nil }
            try store.execute("DELETE FROM filmIdentifier WHERE filmId = ? AND kind = ?", [film, kind])
            return values
        default:
            return nil
        }
    }

    private mutating func wantPosition(collection: Int64, film: Int64, position: Int64) {
        wantedPositions[collection, default: [:]][film] = position
    }

    /// Numbers again the collections where two devices took one position: by the position each
    /// film asked for, then by its key.
    mutating func renumberPositions() throws {
        for (collection, wanted) in wantedPositions {
            let members = try Row.fetchAll(store.db, sql: "SELECT filmId, position FROM collectionFilm WHERE collectionId = ?", arguments: [collection])
                .map { (film: $0[0] as Int64, position: $0[1] as Int64) }
                .sorted { (wanted[$0.film] ?? $0.position, $0.film) < (wanted[$1.film] ?? $1.position, $1.film) }
            try store.execute("UPDATE collectionFilm SET position = position + 1000000 WHERE collectionId = ?", [collection])
            for (index, member) in members.enumerated() {
                try store.execute("UPDATE collectionFilm SET position = ? WHERE collectionId = ? AND filmId = ?", [index + 1, collection, member.film])
            }
        }
        wantedPositions = [:]
    }

    /// When two devices gave one note two texts, the text that lost stays, as a note of its
    /// own with a key derived from the note and the text: the same on every device.
    mutating func keepLosingText(_ table: String, loser: [DatabaseValue], winner: [DatabaseValue]) throws {
        guard table == "note" else { return }
        let columns = try rows.columns(table)
        let text = columns.firstIndex(of: "text")!
        guard loser[text] != winner[text], let words = String.fromDatabaseValue(loser[text]), let note = Int64.fromDatabaseValue(loser[0]) else { return }
        let keptKey = RowKey.derived("note", "kept", String(note), words)
        // A device that replaced this text saw it: it is not kept, whichever change came first.
        if let known = try store.rowTime(table, keptKey), known.deleted { return }
        var kept = loser
        kept[0] = keptKey.databaseValue
        for name in ["source", "importedText"] { if let index = columns.firstIndex(of: name) { kept[index] = .null } }
        guard try rows.row(table, primaryKey: [true] + Array(repeating: false, count: columns.count - 1), key: [kept[0]]) == nil else { return }
        try insertResolving(table, kept)
        decisions.append("a note edited on two devices: the earlier text was kept as a note of its own")
    }

    /// A note's text that the change replaced or removed was seen by the device that made it:
    /// where this device kept that text as a note of its own (it lost a conflict here), that
    /// note goes too, as it never came to be on that device, and is remembered as gone so that
    /// a change arriving later does not keep it.
    mutating func forgetKeptText(_ change: RowChange, at time: String) throws {
        guard let kept = SyncApplier.keptTextKey(change) else { return }
        try store.execute("DELETE FROM note WHERE id = ?", [kept])
        try SyncApplier.seenText(store, kept, at: time)
    }

    /// Remembers that a note's text was seen by the device that replaced or removed it: a
    /// conflict decided later never keeps that text as a note of its own, on any device (this
    /// one included, which made the change).
    static func seenText(_ store: Store, _ kept: Int64, at time: String) throws {
        try store.setRowTime("note", kept, at: time, deleted: true, row: nil)
    }

    /// The key a note's text is kept under when it loses a conflict.
    static func keptTextKey(_ change: RowChange) -> Int64? {
        // A note's columns: id, filmId, text, … (SharedTables, tested against the schema).
        guard change.table == "note", change.operation != .insert, change.old.count > 2,
              let words = change.old[2].flatMap({ String.fromDatabaseValue($0) }),
              let note = change.key.first.flatMap({ Int64.fromDatabaseValue($0) }) else { return nil }
        return RowKey.derived("note", "kept", String(note), words)
    }

    /// A row, named for the report: its film's title where it has one.
    func describe(_ table: String, _ values: [DatabaseValue]) -> String {
        let filmColumn: Int? = ["film": 0, "rating": 0, "note": 1, "viewing": 1, "filmFact": 1, "filmTag": 0, "filmTitle": 0][table]
        guard let filmColumn, filmColumn < values.count, let film = Int64.fromDatabaseValue(values[filmColumn]),
              let title = try? store.film(id: film)?.displayTitle.oneLine else {
            return "a row of \(table)"
        }
        let what = ["film": "", "rating": "the rating of ", "note": "a note on ", "viewing": "a viewing of ", "filmFact": "a fact of ",
                    "filmTag": "a tag of ", "filmTitle": "a title of "][table] ?? ""
        return what + title
    }
}

extension Store {
    /// How many rows of what a person records (and memberships) a film holds.
    func personalRowCount(filmId: DatabaseValue) throws -> Int {
        let parts = Store.personalRecords.map { "(SELECT count(*) FROM \($0.table) WHERE filmId = ?1 AND \($0.condition))" }
            + ["(SELECT count(*) FROM collectionFilm WHERE filmId = ?1)"]
        return try value(Int.self, "SELECT " + parts.joined(separator: " + "), [filmId]) ?? 0
    }

    func membershipCount(collectionId: DatabaseValue) throws -> Int {
        try value(Int.self, "SELECT count(*) FROM collectionFilm WHERE collectionId = ?", [collectionId]) ?? 0
    }
}
