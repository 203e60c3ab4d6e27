import Foundation
internal import GRDB

/// Applies another device's change to this database row by row, deciding every conflict by a
/// rule that gives the same result on every device, whatever order the changes arrive in
/// (README "Several devices"):
/// - a rating, a note, a film's title, year and text, a collection's title and text, a film's
///   facts (per source, field and position): the latest change wins, by the hybrid logical clock
///   (`SyncClock`); a row no synced change has timed counts at its own time (`ratedAt`,
///   `updatedAt`) or as older than any change;
/// - viewings, tags, other titles, memberships: sets — a row added anywhere is there, a row
///   removed anywhere is gone unless added again later; two devices that made the same row with
///   other values keep the later addition's (the smaller values at the same time,
///   `SyncRows.precedes`); an edit of such a row never brings it back;
/// - a note: neither text is lost — the later edit wins the note, the other text becomes a note
///   of its own; an edit beats a deletion (the note comes back);
/// - a film or collection another device removed stays while it holds something added here, and
///   a row that arrives for a film or collection removed here brings it back;
/// - a uniqueness two devices broke together (an IMDb id on two films, a collection's slug or a
///   position taken twice) is decided for the row with the smaller key, and the other is moved
///   aside (positions renumbered).
/// Nothing is applied with REPLACE: a row is updated in place, so no cascade removes a child.
struct SyncApplier {
    let store: Store
    var rows: SyncRows
    /// What was decided, for the report: one line a conflict.
    var decisions: [String] = []
    /// Collections whose positions were taken twice, with the positions their films asked for.
    var wantedPositions: [Int64: [Int64: Int64]] = [:]
    /// Films merged into another here (`SyncApplier+Merge`), as they are asked for.
    var mergedFilms: [Int64: Int64] = [:]
    /// Films and collections known to be here (`parentsExist`), by table.
    var presentParents: [String: Set<Int64>] = [:]
    /// Each shared table's primary key, as the schema says: a change must name its rows by it.
    var primaryKeys: [String: [Bool]] = [:]
    /// The removals remembered of a table, read once when a file inserts many of its rows.
    var removals: [String: Set<Int64>] = [:]
    /// How many rows of each table the entry being applied inserts.
    var inserting: [String: Int] = [:]
    /// Whether any film was merged into another here: until one is, no change is redirected.
    var anyMerge: Bool?
    /// How many rows of each table the file's entries remove (`SyncGuard`).
    var removing: [String: Int] = [:]

    init(store: Store) {
        (self.store, self.rows) = (store, SyncRows(store: store))
    }

    /// Parents before children for what an entry adds or changes; children before parents for
    /// what it removes.
    static let parentsFirst = Array(SharedTables.names.reversed())

    /// The tables whose rows the latest change decides; the others are sets.
    static let latestTables: Set<String> = ["rating", "note", "film", "collection", "filmFact"]
    /// The column holding a row's own time, for a row no synced change has timed.
    static let timeColumns = ["rating": "ratedAt", "note": "updatedAt", "viewing": "loggedAt", "filmTag": "addedAt"]

    /// Applies one entry of a file: `changes` made at `time`.
    mutating func apply(_ incoming: [RowChange], at time: String) throws {
        let shared = Set(SharedTables.names)
        for change in incoming where !shared.contains(change.table) {
            throw SyncFile.Refusal.damaged("it changes the table '\(change.table.oneLine.prefix(40))', which devices do not share")
        }
        for change in incoming {
            if primaryKeys[change.table] == nil { primaryKeys[change.table] = try SyncApplier.primaryKey(store, change.table) }
            guard change.primaryKey == primaryKeys[change.table] else {
                throw SyncFile.Refusal.damaged("its rows of \(change.table) are not named by the table's primary key")
            }
        }
        let changes = try incoming.map { try redirected($0) }
        inserting = [:]
        for change in changes {
            if change.operation == .insert { inserting[change.table, default: 0] += 1 }
            if change.operation == .delete { removing[change.table, default: 0] += 1 }
        }
        for table in SyncApplier.parentsFirst {
            for change in changes where change.table == table && change.operation != .delete {
                let width = try rows.columns(table).count
                guard change.primaryKey.count == width else {
                    throw SyncFile.Refusal.damaged("its rows of \(table) have \(change.primaryKey.count) columns, not \(width)")
                }
                change.operation == .insert ? try insert(change, at: time) : try update(change, at: time)
            }
        }
        for table in SharedTables.names {
            for change in changes where change.table == table && change.operation == .delete {
                guard change.primaryKey.count == (try rows.columns(table).count) else {
                    throw SyncFile.Refusal.damaged("its rows of \(table) do not have the table's columns")
                }
                try delete(change, at: time)
            }
        }
        try renumberPositions()
        try releaseEmptied()
    }

    // MARK: Insert

    /// Whether a removal of the row is remembered here: looked up row by row, or for an entry
    /// that inserts many rows of the table, in the set of the table's removals read once.
    private mutating func removalRemembered(_ table: String, _ key: Int64) throws -> Bool {
        if removals[table] == nil, inserting[table, default: 0] > 1000 {
            removals[table] = Set(try store.values(Int64.self, "SELECT rowKey FROM syncRowTime WHERE tableName = ? AND deleted = 1", [table]))
        }
        if let known = removals[table] { return known.contains(key) }
        return try store.rowTime(table, key)?.deleted == true
    }

    mutating func insert(_ change: RowChange, at time: String) throws {
        let incoming = change.new.map { $0 ?? .null }
        let table = change.table, key = change.key
        // No removal remembered (nearly every row): inserted at once unless a row is there.
        if try !removalRemembered(table, SyncApplier.timeKey(table, key: key)) {
            guard try parentsExist(table, incoming) else { return }
            if try insertResolving(table, incoming, ifAbsent: change.primaryKey) {
                return try noteTime(table, key: key, at: time)
            }
        }
        if let local = try rows.row(table, primaryKey: change.primaryKey, key: key) {
            try pinOwnTime(table, key: key, local)
            guard local != incoming else { return try noteTime(table, key: key, at: time) }
            if try mergesFilms(change, local: local, at: time) { return }
            if SyncApplier.latestTables.contains(table) {
                if try incomingWins(table, key: key, incoming: incoming, local: local, at: time) {
                    try keepLosingText(table, loser: local, winner: incoming)
                    try updateResolving(table, primaryKey: change.primaryKey, key: change.key, incoming.map { Optional($0) })
                    // A snapshot's row that wins counts at its own time from now on, here too.
                    try noteTime(table, key: key, at: try incomingTime(table, incoming, at: time))
                } else {
                    try keepLosingText(table, loser: incoming, winner: local)
                }
                decisions.append("\(describe(table, incoming)): changed on two devices; the later change was kept")
            } else {
                // A row of a set added on two devices, or added again: it is there since the
                // latest addition, with the values of the latest addition or edit.
                let effective = try incomingTime(table, incoming, at: time)
                if try incomingWins(table, key: key, incoming: incoming, local: local, at: time, values: true) {
                    try updateResolving(table, primaryKey: change.primaryKey, key: change.key, incoming.map { Optional($0) })
                    try noteValueTime(table, key: key, at: effective)
                }
                try noteTime(table, key: key, at: effective)
            }
            return
        }
        if let known = try store.rowTime(table, SyncApplier.timeKey(table, key: key)), known.deleted,
           known.at > (try incomingTime(table, incoming, at: time)) {
            if table == "note", let json = known.row, SyncRows.values(json: json) != incoming {
                // A note written otherwise than the removal saw: it comes back, as an edit does.
                guard try parentsExist(table, incoming) else { return }
                try insertResolving(table, incoming)
                try bringBackNote(key, removed: known, at: try incomingTime(table, incoming, at: time))
                return decisions.append("\(describe(table, incoming)): removed here and written otherwise there; it is back")
            }
            if SyncApplier.latestTables.contains(table) {
                decisions.append("\(describe(table, incoming)): removed here after it was made there; it stays removed")
            }
            return try editRemoved(table, key: key, change.new, at: time)
        }
        let values = try valuesAddedAgain(table, key: key, incoming, at: time)
        guard try parentsExist(table, values) else { return }
        try insertResolving(table, values)
        try noteTime(table, key: key, at: time)
        try restoreReleasedRows(table, key)
    }

    // MARK: Update

    private mutating func update(_ change: RowChange, at time: String) throws {
        let table = change.table, key = change.key
        try forgetKeptText(change, at: time)
        guard let local = try rows.row(table, primaryKey: change.primaryKey, key: key) else {
            // Removed here: an edit brings a note back; another row of a table the latest change
            // decides comes back when the edit is the later change. A row of a set stays removed.
            guard SyncApplier.latestTables.contains(table),
                  let known = try store.rowTime(table, SyncApplier.timeKey(table, key: key)), known.deleted, let json = known.row,
                  var removed = SyncRows.values(json: json), removed.count == change.new.count,
                  table == "note" || time > known.at else {
                if SyncApplier.latestTables.contains(table) {
                    decisions.append("a row of \(table) changed there and removed here stays removed")
                }
                return try editRemoved(table, key: key, change.new, at: time)
            }
            for (index, value) in change.new.enumerated() where value != nil { removed[index] = value! }
            guard try parentsExist(table, removed) else { return }
            try insertResolving(table, removed)
            if table == "note" { try bringBackNote(key, removed: known, at: time) } else { try noteTime(table, key: key, at: time) }
            try restoreReleasedRows(table, key)
            return decisions.append("\(describe(table, removed)): removed here and changed there; it is back, as changed")
        }
        let changed = change.new.indices.filter { change.new[$0] != nil && !change.primaryKey[$0] }
        let asExpected = changed.allSatisfy { change.old[$0] == nil || change.old[$0] == local[$0] }
        var after = local
        for index in changed { after[index] = change.new[index]! }
        if SyncApplier.latestTables.contains(table) {
            // The later change wins even when it expected what is here: this row may have
            // changed here since, and later.
            if try incomingWins(table, key: key, incoming: after, local: local, at: time) {
                if !asExpected { try keepLosingText(table, loser: local, winner: after) }
                try updateResolving(table, primaryKey: change.primaryKey, key: key, change.new)
                try noteTime(table, key: key, at: time)
            } else {
                try keepLosingText(table, loser: after, winner: local)
            }
            if !asExpected { decisions.append("\(describe(table, local)): changed on two devices; the later change was kept") }
        } else if try incomingWins(table, key: key, incoming: after, local: local, at: time, values: true) {
            try updateResolving(table, primaryKey: change.primaryKey, key: key, change.new)
            try noteValueTime(table, key: key, at: time)
        }
    }

    // MARK: Delete

    private mutating func delete(_ change: RowChange, at time: String) throws {
        let table = change.table, key = change.key
        let old = change.old.map { $0 ?? .null }
        try forgetKeptText(change, at: time)
        guard let local = try rows.row(table, primaryKey: change.primaryKey, key: key) else {
            removals[table]?.insert(SyncApplier.timeKey(table, key: key))
            return try noteTime(table, key: key, at: time, deleted: true, row: old)
        }
        // Changed or added again here after the removal: it stays. A note's edit always stays.
        let ours = try localTime(table, key: key, local)
        if ours > time || (table == "note" && local != old) {
            if table == "note", ours <= time, let id = Int64.fromDatabaseValue(key[0]) {
                // Kept for the edit the removal did not see: removed still, should the note
                // come back to what the removal saw (the edit undone).
                try store.setRowTime(SyncApplier.heldTable("note"), id, at: time, row: SyncRows.json(old))
            }
            if SyncApplier.latestTables.contains(table) {
                decisions.append("\(describe(table, local)): removed there, changed here later; it stays")
            }
            return
        }
        if table == "film" || table == "collection" {
            let children = table == "film" ? try store.personalRowCount(filmId: key[0]) : try store.membershipCount(collectionId: key[0])
            if children > 0, let id = Int64.fromDatabaseValue(key[0]) {
                try noteHeld(table, id, removedAt: time)
                return decisions.append("\(describe(table, local)): removed there; it stays here, holding what was added here since")
            }
        }
        try rows.delete(table, primaryKey: change.primaryKey, key: key)
        if SyncApplier.latestTables.contains(table) { try SyncApplier.noteValueTime(store, table, key: key, at: ours, removed: true) }
        if let removed = Int64.fromDatabaseValue(key[0]), table == "film" || table == "collection" { presentParents[table]?.remove(removed) }
        try noteTime(table, key: key, at: time, deleted: true, row: local)
        removals[table]?.insert(SyncApplier.timeKey(table, key: key))
    }
}
