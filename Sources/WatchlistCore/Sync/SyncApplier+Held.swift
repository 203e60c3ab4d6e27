import Foundation
internal import GRDB

/// A film or collection another device removed stays where it holds something added here that
/// the removal did not know of (a viewing, a rating, a note, a tag, a fact the person set; a
/// collection's films), and comes back where such a row arrives after the removal. It stays
/// for as long as it holds any of it: once it holds nothing of it any more, it goes, as the
/// removal asked, on every device alike (`releaseEmptied`). A change to the film or collection
/// itself made after the removal keeps it whatever it holds.
extension SyncApplier {
    /// Where the time of the removal a film or collection stays against is kept (`syncRowTime`).
    static func heldTable(_ parent: String) -> String { parent + " held" }
    static let heldTables = ["film", "collection", "note"].map(heldTable)

    /// The film or collection stays against a removal made at `time`.
    mutating func noteHeld(_ parent: String, _ key: Int64, removedAt time: String) throws {
        try store.setRowTime(SyncApplier.heldTable(parent), key, at: time)
    }

    /// Removes the films and collections that stayed against a removal and hold nothing that
    /// kept them any more, as the removal asked.
    mutating func releaseEmptied() throws {
        try releaseUnedited()
        for parent in ["film", "collection"] {
            let held = try Row.fetchAll(store.db, sql: "SELECT rowKey, at FROM syncRowTime WHERE tableName = ?", arguments: [SyncApplier.heldTable(parent)])
            let primaryKey = try primaryKey(parent)
            for row in held {
                let id: Int64 = row[0], removedAt: String = row[1]
                let key = [id.databaseValue]
                if let local = try rows.row(parent, primaryKey: primaryKey, key: key) {
                    let written = try localTime(parent, key: key, local)
                    if written < removedAt {
                        let holding = parent == "film" ? try store.personalRowCount(filmId: id.databaseValue)
                            : try store.membershipCount(collectionId: id.databaseValue)
                        if holding > 0 { continue }
                        let name = describe(parent, local)
                        try keepReleasedRows(parent, id, at: removedAt)
                        try rows.delete(parent, primaryKey: primaryKey, key: key)
                        presentParents[parent]?.remove(id)
                        removals[parent]?.insert(id)
                        try noteTime(parent, key: key, at: removedAt, deleted: true, row: local)
                        try SyncApplier.noteValueTime(store, parent, key: key, at: written, removed: true)
                        decisions.append("\(name): removed on another device and kept here for what was added to it; "
                            + "it holds none of that now, so it is gone")
                    }
                }
                try store.execute("DELETE FROM syncRowTime WHERE tableName = ? AND rowKey = ?", [SyncApplier.heldTable(parent), id])
            }
        }
    }

    /// A note removed here that comes back for a change made elsewhere: its time is that
    /// change's, and the removal is remembered with what it saw, as where the removal arrived
    /// after the change.
    mutating func bringBackNote(_ key: [DatabaseValue], removed: (at: String, deleted: Bool, row: String?), at time: String) throws {
        guard let id = Int64.fromDatabaseValue(key[0]) else { return }
        try store.resetRowTime("note", id, at: time)
        try store.setRowTime(SyncApplier.heldTable("note"), id, at: removed.at, row: removed.row)
    }

    /// Removes the notes kept against a removal for an edit it did not see, once they are back
    /// to what the removal saw (the edit undone), as the removal asked.
    private mutating func releaseUnedited() throws {
        let held = try Row.fetchAll(store.db, sql: "SELECT rowKey, at, row FROM syncRowTime WHERE tableName = ?", arguments: [SyncApplier.heldTable("note")])
        let primaryKey = try primaryKey("note")
        for row in held {
            let id: Int64 = row[0], removedAt: String = row[1], json: String? = row[2]
            let key = [id.databaseValue]
            if let local = try rows.row("note", primaryKey: primaryKey, key: key), try localTime("note", key: key, local) < removedAt {
                guard let json, SyncRows.values(json: json) == local else { continue }
                let name = describe("note", local)
                try rows.delete("note", primaryKey: primaryKey, key: key)
                try noteTime("note", key: key, at: removedAt, deleted: true, row: local)
                decisions.append("\(name): removed on another device, and back here to the text it removed; it stays removed")
            }
            try store.execute("DELETE FROM syncRowTime WHERE tableName = ? AND rowKey = ?", [SyncApplier.heldTable("note"), id])
        }
    }

    /// Where the rows a released film held are kept (`syncRowTime.tableName`).
    static func releasedTable(_ parent: String, _ id: Int64) -> String { "released \(parent) \(id)" }

    /// Keeps what a film (or collection) held that goes with it when it is released (its
    /// ids, titles and facts from imports): where it stays held, they stay, so where it comes
    /// back they come back with it (`restoreReleasedRows`).
    private mutating func keepReleasedRows(_ parent: String, _ id: Int64, at time: String) throws {
        let column = parent + "Id"
        var index: Int64 = 0
        for table in SharedTables.names where try rows.columns(table).contains(column) && table != parent {
            for row in try Row.fetchAll(store.db, sql: "SELECT * FROM \"\(table)\" WHERE \(column) = ?", arguments: [id]) {
                let values = [table.databaseValue] + (0..<row.count).map { row[$0] as DatabaseValue }
                index += 1
                try store.setRowTime(SyncApplier.releasedTable(parent, id), index, at: time, row: SyncRows.json(values))
            }
        }
    }

    mutating func restoreReleasedRows(_ table: String, _ key: [DatabaseValue]) throws {
        guard table == "film" || table == "collection", key.count == 1, let id = Int64.fromDatabaseValue(key[0]) else { return }
        try restoreReleasedRows(table, id)
    }

    /// Brings back what a released film (or collection) held, when it comes back: each row
    /// that was not removed since and is not there again.
    mutating func restoreReleasedRows(_ parent: String, _ id: Int64) throws {
        let kept = SyncApplier.releasedTable(parent, id)
        let found = try String.fetchAll(store.db, sql: "SELECT row FROM syncRowTime WHERE tableName = ? AND row IS NOT NULL ORDER BY rowKey", arguments: [kept])
        guard !found.isEmpty else { return }
        try store.execute("DELETE FROM syncRowTime WHERE tableName = ?", [kept])
        for json in found {
            guard let values = SyncRows.values(json: json), let table = values.first.flatMap({ String.fromDatabaseValue($0) }),
                  SharedTables.names.contains(table), values.count - 1 == (try rows.columns(table).count) else { continue }
            let row = Array(values.dropFirst())
            let primaryKey = try primaryKey(table)
            if try store.rowTime(table, SyncApplier.timeKey(table, key: SyncApplier.key(row, primaryKey: primaryKey)))?.deleted == true { continue }
            try insertResolving(table, row, ifAbsent: primaryKey)
        }
    }

    /// A table's primary key, read from the schema once.
    private mutating func primaryKey(_ table: String) throws -> [Bool] {
        if let known = primaryKeys[table] { return known }
        let read = try SyncApplier.primaryKey(store, table)
        primaryKeys[table] = read
        return read
    }
}
