import Foundation
internal import GRDB

/// What a database's schema must be: exactly the objects (tables, indexes, triggers, views)
/// its recorded migrations make, no more, no fewer, none different. A database file is data:
/// a trigger or view it brings could run its own SQL on every change, so a file whose schema
/// differs is not opened (74), nor restored.
enum SchemaCheck {
    struct Object: Hashable, Comparable {
        var type: String
        var name: String
        var sql: String

        static func < (lhs: Object, rhs: Object) -> Bool { (lhs.type, lhs.name) < (rhs.type, rhs.name) }
    }

    /// The schema objects of a database. SQLite's statistics tables (`ANALYZE`) hold no code
    /// and are left out; the SQL is compared with runs of blank space made one.
    static func objects(_ db: Database) throws -> [Object] {
        try Row.fetchAll(db, sql: "SELECT type, name, coalesce(sql, '') FROM sqlite_master").compactMap { row in
            let name: String = try row.decode(atIndex: 1)
            guard !name.hasPrefix("sqlite_stat") else { return nil }
            let sql: String = try row.decode(atIndex: 2)
            return Object(type: try row.decode(atIndex: 0), name: name,
                          sql: sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " "))
        }.sorted()
    }

    /// The schema the first `count` migrations make, built once per process in memory.
    static func expected(migrations: [SchemaMigrations.Migration]) throws -> [Object] {
        let key = migrations.map(\.identifier).joined(separator: ",")
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let queue = try DatabaseQueue(configuration: AppDatabase.configuration(busyTimeout: AppDatabase.defaultBusyTimeout))
        try SchemaMigrations.migrator(migrations).migrate(queue)
        let objects = try queue.read { db in try SchemaCheck.objects(db) }
        cache.withLock { $0[key] = objects }
        return objects
    }

    private static let cache = Mutex<[String: [Object]]>([:])

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
            if wanted.type != object.type || wanted.sql != object.sql { problems.append("the \(object.type) \(object.name) was changed") }
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
