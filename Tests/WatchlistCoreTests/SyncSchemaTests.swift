import Foundation
import GRDB
import Testing
@testable import WatchlistCore

/// Sync files are applied across schema versions only while the shared tables keep their
/// columns: a device that upgraded still applies the files of one that has not (and the files
/// written before the upgrade, which are never rewritten).
@Suite("sync files across schema versions")
struct SyncSchemaTests {
    /// Each shared table's columns, in order, with whether each is in the primary key.
    static func sharedColumns(_ db: Database) throws -> [String: [String]] {
        var columns: [String: [String]] = [:]
        for table in SharedTables.names {
            columns[table] = try Row.fetchAll(db, sql: "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                .map { ($0[0] as String) + ($0[1] as Int > 0 ? " (key)" : "") }
        }
        return columns
    }

    @Test("every schema from the oldest whose files are applied to this build's has the same shared tables, column for column")
    func sameSharedColumns() throws {
        let queue = try DatabaseQueue()
        try SchemaMigrations.migrator(SchemaMigrations.all).migrate(queue)
        let current = try queue.read { try SyncSchemaTests.sharedColumns($0) }
        #expect(SyncFile.oldestReadableSchema <= SchemaMigrations.all.count)
        for version in SyncFile.oldestReadableSchema...SchemaMigrations.all.count {
            let fixture = try DatabaseQueue(path: SchemaFixtureTests.fixtures + "/schema-v\(version).sqlite",
                                            configuration: { var c = Configuration(); c.readonly = true; return c }())
            let columns = try fixture.read { try SyncSchemaTests.sharedColumns($0) }
            #expect(columns == current, "schema \(version)'s shared tables differ from this build's: raise SyncFile.oldestReadableSchema, or translate its files")
        }
    }
}
