import Foundation
internal import GRDB

/// What a file brings that the tool does not take as it is: a write-ahead log (the tool keeps
/// the rollback journal) and planner statistics (the tool runs no ANALYZE, and statistics from
/// a file would steer every query's plan).
extension AppDatabase {
    /// Whether the file's header says it is in write-ahead-log mode (bytes 18 and 19 are 2).
    static func isWriteAheadLog(_ path: String) -> Bool {
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 20)
        return pread(descriptor, &header, 20, 0) == 20 && (header[18] == 2 || header[19] == 2)
    }

    /// The journal mode is the tool's to set: a database handed over in write-ahead-log mode is
    /// put back to the rollback journal (SQLite 3.40's WAL can be corrupted by concurrent
    /// writers). A file that cannot be written stays as it is, and is only read.
    static func useRollbackJournal(_ queue: DatabaseQueue) throws {
        do {
            try queue.inDatabase { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
            return
        }
    }

    /// A copy in memory of a database that cannot be written, without its planner statistics, so
    /// that no statistics from a file steer a plan: read-only, as the file is.
    static func withoutStatistics(_ queue: DatabaseQueue) throws -> DatabaseQueue {
        let copy = try DatabaseQueue(configuration: configuration(busyTimeout: defaultBusyTimeout))
        try queue.backup(to: copy)
        try queue.close()
        try copy.inDatabase { db in
            for table in SchemaCheck.statisticsTables { try db.execute(sql: "DROP TABLE IF EXISTS \(table)") }
        }
        // A connection keeps the statistics it loaded after their table is dropped: the copy
        // is read by a connection that never saw them.
        let clean = try DatabaseQueue(configuration: configuration(busyTimeout: defaultBusyTimeout))
        try copy.backup(to: clean)
        try copy.close()
        try clean.inDatabase { db in try db.execute(sql: "PRAGMA query_only = ON") }
        return clean
    }

    /// Drops the planner statistics a file holds: watchlist runs no ANALYZE, and statistics
    /// from a file would steer the plan of every query (planted ones made `list` take 50 s
    /// instead of 1). A file that cannot be written keeps them, and is only read.
    static func dropStatistics(_ queue: DatabaseQueue) throws {
        do {
            try queue.write { db in
                for table in SchemaCheck.statisticsTables { try db.execute(sql: "DROP TABLE IF EXISTS \(table)") }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            return
        }
    }
}
