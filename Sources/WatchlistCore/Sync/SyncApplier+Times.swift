import Foundation
internal import GRDB

/// The times that decide conflicts: a row's latest change (`syncRowTime`), its own time where
/// no synced change has timed it, an incoming change's, and which of two wins.
extension SyncApplier {
    /// The key a row's time is kept under: its integer key, or a hash of its key's values.
    static func timeKey(_ table: String, key: [DatabaseValue]) -> Int64 {
        if key.count == 1, let integer = Int64.fromDatabaseValue(key[0]) { return integer }
        return RowKey.derived([table] + key.map { value in
            switch value.storage {
            case .int64(let integer): "i" + String(integer)
            case .string(let text): "t" + text
            default: value.description
            }
        })
    }

    /// A row's key values, from all its values.
    static func key(_ values: [DatabaseValue], primaryKey: [Bool]) -> [DatabaseValue] {
        values.indices.filter { primaryKey[$0] }.map { values[$0] }
    }

    /// When the row was last changed by a synced change, or its own time, or never.
    mutating func localTime(_ table: String, key: [DatabaseValue], _ values: [DatabaseValue]) throws -> String {
        if let known = try store.rowTime(table, SyncApplier.timeKey(table, key: key)), !known.deleted { return known.at }
        return try ownTime(table, values)
    }

    /// A row's own time (a rating's `ratedAt`, a viewing's `loggedAt`…) on the clock, or never.
    mutating func ownTime(_ table: String, _ values: [DatabaseValue]) throws -> String {
        if let column = SyncApplier.timeColumns[table], let index = try rows.columns(table).firstIndex(of: column) {
            return SyncClock.time(iso: String.fromDatabaseValue(values[index]))
        }
        return SyncClock.never
    }

    /// Keeps a row's own time as its time (and its values' time) where no synced change has
    /// timed it: an earlier change arriving for it must not be noted as its latest.
    mutating func pinOwnTime(_ table: String, key: [DatabaseValue], _ local: [DatabaseValue]) throws {
        let timeKey = SyncApplier.timeKey(table, key: key)
        if try store.rowTime(table, timeKey) == nil {
            let own = try ownTime(table, local)
            guard own != SyncClock.never else { return }
            try store.setRowTime(table, timeKey, at: own)
        }
        if !SyncApplier.latestTables.contains(table), try store.rowTime(SyncApplier.valuesTable(table), timeKey) == nil,
           let known = try store.rowTime(table, timeKey), !known.deleted {
            try noteValueTime(table, key: key, at: known.at)
        }
    }

    /// The time an incoming row counts at: its change's; a snapshot's row counts at its own
    /// time, as it does on the device that holds it.
    mutating func incomingTime(_ table: String, _ values: [DatabaseValue], at time: String) throws -> String {
        time == SyncClock.never ? try ownTime(table, values) : time
    }

    /// Whether the incoming row, changed at `time`, wins over the local one: the later change,
    /// a snapshot's row counting at its own time; at the same time, the smaller values.
    /// `values`: for a row of a set, whether its values win (by the time of its latest
    /// addition or edit), not whether it is there (by the time of its latest addition).
    mutating func incomingWins(_ table: String, key: [DatabaseValue], incoming: [DatabaseValue], local: [DatabaseValue], at time: String,
                               values: Bool = false) throws -> Bool {
        let theirs = try incomingTime(table, incoming, at: time)
        var ours = try localTime(table, key: key, local)
        if values, let edited = try store.rowTime(SyncApplier.valuesTable(table), SyncApplier.timeKey(table, key: key)), edited.at > ours {
            ours = edited.at
        }
        return theirs == ours ? SyncRows.precedes(incoming, local) : theirs > ours
    }

    /// Keeps the time of every change to a row made since the device first synced (a row from
    /// before counts at its own time: a viewing's `loggedAt`, a rating's `ratedAt`, or never). A
    /// removal keeps the row's values, to bring it back when a later change elsewhere needs
    /// it. A snapshot's row is no change: it keeps counting at its own time.
    static func noteTime(_ store: Store, _ table: String, key: [DatabaseValue], at time: String, deleted: Bool, row: [DatabaseValue]?) throws {
        guard time != SyncClock.never || deleted else { return }
        let json = deleted ? row.map(SyncRows.json) : nil
        try store.setRowTime(table, SyncApplier.timeKey(table, key: key), at: time, deleted: deleted, row: json)
    }

    mutating func noteTime(_ table: String, key: [DatabaseValue], at time: String, deleted: Bool = false, row: [DatabaseValue]? = nil) throws {
        try SyncApplier.noteTime(store, table, key: key, at: time, deleted: deleted, row: row)
    }

    /// Where the time of a set's row's latest edit is kept (`syncRowTime.tableName`): apart from
    /// the time it was added, which alone decides against a removal.
    static func valuesTable(_ table: String) -> String { table + " values" }

    /// Keeps the time of the latest addition or edit of a set's row (`SyncApplier+Sets`).
    /// `removed`: of a row the latest change decides, the time of the values its removal keeps.
    static func noteValueTime(_ store: Store, _ table: String, key: [DatabaseValue], at time: String, removed: Bool = false) throws {
        guard removed || !latestTables.contains(table), time != SyncClock.never else { return }
        try store.setRowTime(valuesTable(table), timeKey(table, key: key), at: time)
    }

    /// Before a row the latest change decides is removed here: the time of the values its
    /// removal keeps (its latest change's, or its own).
    static func noteRemovedValues(_ store: Store, _ table: String, key: [DatabaseValue], _ old: [DatabaseValue], columns: [String]) throws {
        var time = SyncClock.never
        if let known = try store.rowTime(table, timeKey(table, key: key)), !known.deleted {
            time = known.at
        } else if let column = timeColumns[table], let index = columns.firstIndex(of: column), index < old.count {
            time = SyncClock.time(iso: String.fromDatabaseValue(old[index]))
        }
        try noteValueTime(store, table, key: key, at: time, removed: true)
    }

    mutating func noteValueTime(_ table: String, key: [DatabaseValue], at time: String) throws {
        try SyncApplier.noteValueTime(store, table, key: key, at: time)
    }
}
