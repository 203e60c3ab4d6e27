import Foundation
internal import GRDB

/// A row of a set (a viewing, a tag, a membership…) is there or not by the times it was added
/// and removed; its values are those of its latest addition or edit, whether it is there or
/// not: a removal keeps them (`syncRowTime.row`), an edit of a removed row changes what it
/// keeps, and a row added again takes the kept values when they were edited later than the
/// addition. So an edit made on one device before it saw a removal and an addition made
/// elsewhere ends the same on every device, whichever order the three arrive in.
extension SyncApplier {
    /// The time of the latest edit of a set's row, if one was kept.
    mutating func valueTime(_ table: String, key: [DatabaseValue]) throws -> String? {
        try store.rowTime(SyncApplier.valuesTable(table), SyncApplier.timeKey(table, key: key))?.at
    }

    /// The values to add a removed set's row with: the incoming values, or those the removal
    /// kept when they were edited after `time`.
    mutating func valuesAddedAgain(_ table: String, key: [DatabaseValue], _ incoming: [DatabaseValue], at time: String) throws -> [DatabaseValue] {
        guard !SyncApplier.latestTables.contains(table),
              let known = try store.rowTime(table, SyncApplier.timeKey(table, key: key)), known.deleted,
              let json = known.row, let kept = SyncRows.values(json: json), kept.count == incoming.count,
              let edited = try valueTime(table, key: key), edited > (try incomingTime(table, incoming, at: time)) else { return incoming }
        return kept
    }

    /// An addition or edit of a row removed here (and not added again or brought back): what
    /// the removal kept takes its values when it is the latest edit. So a row brought back
    /// later has the values of its latest change wherever it was removed, and wherever not.
    mutating func editRemoved(_ table: String, key: [DatabaseValue], _ values: [DatabaseValue?], at time: String) throws {
        guard let known = try store.rowTime(table, SyncApplier.timeKey(table, key: key)), known.deleted,
              let json = known.row, var kept = SyncRows.values(json: json), kept.count == values.count else { return }
        if let edited = try valueTime(table, key: key), edited >= time { return }
        for (index, value) in values.enumerated() where value != nil { kept[index] = value! }
        try store.execute("UPDATE syncRowTime SET row = ? WHERE tableName = ? AND rowKey = ?",
                          [SyncRows.json(kept), table, SyncApplier.timeKey(table, key: key)])
        try SyncApplier.noteValueTime(store, table, key: key, at: time, removed: true)
    }
}
