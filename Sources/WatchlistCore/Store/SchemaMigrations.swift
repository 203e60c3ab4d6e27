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
    ]

    static func migrator(_ migrations: [Migration]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            let sql = migration.sql
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: sql)
            }
        }
        return migrator
    }
}
