import Foundation
internal import GRDB

/// The schema migrations, in order: each is a file in Schema/, embedded in the binary.
/// A shipped migration is never edited; a new one is a new file and a new line here.
/// Migrations depend on no app type.
enum SchemaMigrations {
    typealias Migration = (identifier: String, sql: String)

    static let all: [Migration] = [
        ("v1_initial", String(decoding: PackageResources.v1_initial_sql, as: UTF8.self)),
        ("v2_tags", String(decoding: PackageResources.v2_tags_sql, as: UTF8.self)),
        ("v3_search", String(decoding: PackageResources.v3_search_sql, as: UTF8.self)),
        ("v4_history", String(decoding: PackageResources.v4_history_sql, as: UTF8.self)),
        ("v5_identity", String(decoding: PackageResources.v5_identity_sql, as: UTF8.self)),
        ("v6_undo", String(decoding: PackageResources.v6_undo_sql, as: UTF8.self)),
        ("v7_metadata", String(decoding: PackageResources.v7_metadata_sql, as: UTF8.self)),
        ("v8_nothing_lost", String(decoding: PackageResources.v8_nothing_lost_sql, as: UTF8.self)),
        ("v9_changesets", String(decoding: PackageResources.v9_changesets_sql, as: UTF8.self)),
        ("v10_keys", String(decoding: PackageResources.v10_keys_sql, as: UTF8.self)),
        ("v11_sync", String(decoding: PackageResources.v11_sync_sql, as: UTF8.self)),
        ("v12_datasets", String(decoding: PackageResources.v12_datasets_sql, as: UTF8.self)),
    ]

    /// What a migration does to the data that SQL cannot, run in the same transaction right
    /// after its file. It changes rows, never the schema, so the build-time snapshot of the
    /// schema (which runs the files alone) stays exact.
    static let dataSteps: [String: @Sendable (Store) throws -> Void] = [
        "v8_nothing_lost": { try normalizeTags($0.db) },
        "v10_keys": assignKeys,
    ]

    static func migrator(_ migrations: [Migration]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            let sql = migration.sql
            let step = dataSteps[migration.identifier]
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: sql)
                // A data step is a write like any other: what follows from it (the search rows
                // of the films it touched) follows in the one place every write goes through.
                if let step { try AppDatabase.change(db, step) }
            }
        }
        return migrator
    }

    /// v8: every tag in NFC; a film's tags that were one tag written in two forms ("café" with
    /// one code point and with two) become one, added when the first of them was.
    static func normalizeTags(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT filmId, tag, addedAt FROM filmTag WHERE tag GLOB '*[^ -~]*'")
        for row in rows {
            let filmId: Int64 = row[0], tag: String = row[1], addedAt: String = row[2]
            let normalized = tag.precomposedStringWithCanonicalMapping
            guard normalized.utf8.elementsEqual(tag.utf8) == false else { continue }
            try db.execute(sql: "DELETE FROM filmTag WHERE filmId = ? AND CAST(tag AS BLOB) = CAST(? AS BLOB)", arguments: [filmId, tag])
            try db.execute(sql: """
                INSERT INTO filmTag (filmId, tag, addedAt) VALUES (?, ?, ?)
                ON CONFLICT (filmId, tag) DO UPDATE SET addedAt = min(addedAt, excluded.addedAt)
                """, arguments: [filmId, normalized, addedAt])
        }
    }
}
