import Foundation
internal import GRDB

/// What a database's schema must be: exactly the objects (tables, indexes, triggers, views)
/// its recorded migrations make, no more, no fewer, none different. A database file is data:
/// a trigger or view it brings could run its own SQL on every change, so a file whose schema
/// differs is not opened (74), nor restored.
///
/// The schema of every shipped migration; `objects` is generated at build time
/// (Plugins/SchemaSnapshotPlugin), except in a fuzzing build (see Package.swift), where it is
/// empty and `SchemaCheck.expected` builds the schema in memory instead.
enum SchemaSnapshot {
    typealias Object = SchemaCheck.Object
}

#if WITHOUT_SCHEMA_SNAPSHOT
extension SchemaSnapshot {
    static let objects: [String: [Object]] = [:]
}
#endif

enum SchemaCheck {
    struct Object: Hashable, Comparable {
        var type: String
        var name: String
        var sql: String

        static func < (lhs: Object, rhs: Object) -> Bool { (lhs.type, lhs.name) < (rhs.type, rhs.name) }
    }

    /// SQLite's planner statistics (`ANALYZE`): tables of these names, and nothing else, are
    /// left out of the comparison. They hold no code, but what they say steers every query
    /// plan, so a file's statistics are dropped when it is opened (`AppDatabase.dropStatistics`)
    /// and never used. Anything else named like them (a trigger `sqlite_stat_evil`) is an object
    /// of the schema like any other, and refused.
    static let statisticsTables = ["sqlite_stat1", "sqlite_stat4"]
    static let isStatistics = "(type = 'table' AND name IN ('sqlite_stat1', 'sqlite_stat4'))"

    /// The schema objects of a database, as SQLite keeps them, in order, statistics aside.
    static func objects(_ db: Database) throws -> [Object] {
        try Row.fetchAll(db, sql: "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE NOT \(isStatistics)").map { row in
            Object(type: try row.decode(atIndex: 0), name: try row.decode(atIndex: 1), sql: try row.decode(atIndex: 2))
        }.sorted()
    }

    /// The schema as one text, in the order of `objects`: what a database is asked first, so
    /// that an up-to-date database costs one value to check, not a row an object.
    /// Also whether it has the table of recorded migrations (else it is not watchlist's), and
    /// whether it holds planner statistics.
    static func text(_ db: Database) throws -> (text: String, hasMigrations: Bool, hasStatistics: Bool) {
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT coalesce(group_concat(type || char(31) || name || char(31) || coalesce(sql, ''), char(30)), '')
                    FROM (SELECT type, name, sql FROM sqlite_master WHERE NOT \(isStatistics) ORDER BY type, name)),
                   EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'),
                   EXISTS (SELECT 1 FROM sqlite_master WHERE \(isStatistics))
            """)
        return (try row?.decode(String.self, atIndex: 0) ?? "", try row?.decode(Bool.self, atIndex: 1) ?? false,
                try row?.decode(Bool.self, atIndex: 2) ?? false)
    }

    /// The same text made from objects, for the snapshot.
    static func text(_ objects: [Object]) -> String {
        objects.sorted { first, second in
            // SQLite's ORDER BY: byte by byte.
            first.type != second.type ? first.type.utf8.lexicographicallyPrecedes(second.type.utf8)
                : first.name.utf8.lexicographicallyPrecedes(second.name.utf8)
        }
            .map { $0.type + "\u{1F}" + $0.name + "\u{1F}" + $0.sql }.joined(separator: "\u{1E}")
    }

    /// The snapshot's text for the database's recorded migrations, made once per process.
    static func expectedText(migrations: [SchemaMigrations.Migration]) throws -> String {
        let key = "text:" + migrations.map(\.identifier).joined(separator: ",")
        if let cached = textCache.withLock({ $0[key] }) { return cached }
        let text = text(try expected(migrations: migrations))
        textCache.withLock { $0[key] = text }
        return text
    }

    private static let textCache = Mutex<[String: String]>([:])

    /// The schema the first `count` migrations make: for the shipped migrations, the snapshot
    /// compiled into the binary (`SchemaSnapshot`, made at build time by Sources/SchemaSnapshot);
    /// for any other list (a test playing a later version), built in memory once per process.
    static func expected(migrations: [SchemaMigrations.Migration]) throws -> [Object] {
        if let last = migrations.last, SchemaMigrations.all.map(\.identifier).starts(with: migrations.map(\.identifier)),
           let snapshot = SchemaSnapshot.objects[last.identifier] {
            return snapshot.sorted()
        }
        return try built(migrations: migrations)
    }

    /// The schema the migrations make, as this process's SQLite makes it, built in memory.
    static func built(migrations: [SchemaMigrations.Migration]) throws -> [Object] {
        let key = migrations.map(\.identifier).joined(separator: ",")
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let queue = try DatabaseQueue(configuration: AppDatabase.configuration(busyTimeout: AppDatabase.defaultBusyTimeout))
        try SchemaMigrations.migrator(migrations).migrate(queue)
        let objects = try queue.read { db in try SchemaCheck.objects(db) }
        cache.withLock { $0[key] = objects }
        return objects
    }

    private static let cache = Mutex<[String: [Object]]>([:])

    /// How the database's schema differs from the one `migrations` make; empty when it is the
    /// same. The snapshot decides at once when it matches; when it does not, the schema is
    /// built in memory by this SQLite, whose text may differ from the build machine's, and
    /// compared again.
    static func problems(_ actual: [Object], migrations: [SchemaMigrations.Migration]) throws -> [String] {
        if actual == (try expected(migrations: migrations)) { return [] }
        return differences(actual, expected: try built(migrations: migrations))
    }

    /// The SQL compared with runs of blank space made one.
    private static func normalized(_ sql: String) -> String {
        sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// What differs, in words: "the trigger evil is not watchlist's", "the table note is missing".
    static func differences(_ actual: [Object], expected: [Object]) -> [String] {
        let expectedByName = Dictionary(expected.map { ($0.name, $0) }) { first, _ in first }
        let actualByName = Dictionary(actual.map { ($0.name, $0) }) { first, _ in first }
        var problems: [String] = []
        for object in actual {
            guard let wanted = expectedByName[object.name] else {
                problems.append("the \(object.type) \(object.name) is not watchlist's")
                continue
            }
            if wanted.type != object.type || normalized(wanted.sql) != normalized(object.sql) {
                problems.append("the \(object.type) \(object.name) was changed")
            }
        }
        for object in expected where actualByName[object.name] == nil {
            problems.append("the \(object.type) \(object.name) is missing")
        }
        // Tables first: a missing table explains its missing indexes and triggers.
        let rank = ["table": 0, "view": 1, "index": 2, "trigger": 3]
        return problems.enumerated().sorted { first, second in
            let a = rank[first.element.split(separator: " ").dropFirst().first.map(String.init) ?? ""] ?? 4
            let b = rank[second.element.split(separator: " ").dropFirst().first.map(String.init) ?? ""] ?? 4
            return (a, first.offset) < (b, second.offset)
        }.map(\.element)
    }
}

/// A value behind a lock, for the process-wide cache.
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) {
        self.value = value
    }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
