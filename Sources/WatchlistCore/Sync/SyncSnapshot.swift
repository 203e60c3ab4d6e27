import Foundation
internal import GRDB

/// A device's whole diary as changesets of inserts, parents before children, cut into entries of
/// at most `partLimit` bytes: its first file, and what a restore that replaced everything sends.
/// Its rows are timed as no change (`SyncClock.never`): a row another device changed wins over
/// them, and two snapshots' rows are decided by their own times (`ratedAt`, `updatedAt`).
enum SyncSnapshot {
    static let partLimit = 4 << 20

    static func entries(_ store: Store) throws -> [SyncFile.Entry] {
        var entries: [SyncFile.Entry] = []
        for table in SyncApplier.parentsFirst {
            let primaryKey = try Row.fetchAll(store.db, sql: "SELECT pk FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                .map { ($0[0] as Int64) > 0 }
            var writer = ChangesetWriter()
            let rows = try Row.fetchCursor(store.db, sql: "SELECT * FROM \"\(table)\"")
            while let row = try rows.next() {
                if writer.isEmpty { writer.begin(table, primaryKey: primaryKey) }
                writer.insert((0..<primaryKey.count).map { row[$0] as DatabaseValue })
                if writer.bytes.count >= partLimit {
                    entries.append(SyncFile.Entry(at: SyncClock.never, changeset: Changeset(bytes: writer.bytes)))
                    writer = ChangesetWriter()
                }
            }
            if !writer.isEmpty { entries.append(SyncFile.Entry(at: SyncClock.never, changeset: Changeset(bytes: writer.bytes))) }
        }
        return entries
    }
}
