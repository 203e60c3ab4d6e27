import Foundation
internal import GRDB

/// Rows of the shared tables read and written by their keys, for `SyncApplier`: each statement
/// made from the table's columns as SQLite lists them (`pragma table_info`), the names bound
/// to the live schema, the values always bound.
struct SyncRows {
    let store: Store
    private var columnsByTable: [String: [String]] = [:]

    init(store: Store) {
        self.store = store
    }

    /// The table's columns in order (a table not shared is refused before this is asked).
    mutating func columns(_ table: String) throws -> [String] {
        if let known = columnsByTable[table] { return known }
        let names = try String.fetchAll(store.db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
        columnsByTable[table] = names
        return names
    }

    private static func condition(_ columns: [String], _ primaryKey: [Bool]) -> String {
        zip(columns, primaryKey).filter(\.1).map { "\"\($0.0)\" = ?" }.joined(separator: " AND ")
    }

    /// Arguments from values, without the generic initializer's key path (made again at every
    /// call: a tenth of an applied file's time).
    private static func arguments(_ values: [DatabaseValue]) -> StatementArguments {
        StatementArguments(values.map { Optional($0 as any DatabaseValueConvertible) })
    }

    /// The statements of each table, made once (a statement's text is its cache's key).
    private var statements: [String: String] = [:]

    private mutating func sql(_ kind: String, _ table: String, _ make: () throws -> String) rethrows -> String {
        let name = kind + " " + table
        if let known = statements[name] { return known }
        let made = try make()
        statements[name] = made
        return made
    }

    /// The row with this key, every column, or nil.
    mutating func row(_ table: String, primaryKey: [Bool], key: [DatabaseValue]) throws -> [DatabaseValue]? {
        let columns = try columns(table)
        let sql = sql("select", table) { "SELECT * FROM \"\(table)\" WHERE \(SyncRows.condition(columns, primaryKey))" }
        guard let row = try Row.fetchOne(store.db.cachedStatement(sql: sql), arguments: SyncRows.arguments(key)) else { return nil }
        return (0..<columns.count).map { row[$0] as DatabaseValue }
    }

    mutating func insert(_ table: String, _ values: [DatabaseValue]) throws {
        let columns = try columns(table)
        let sql = sql("insert", table) {
            "INSERT INTO \"\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        }
        try store.db.cachedStatement(sql: sql).execute(arguments: SyncRows.arguments(values))
    }

    /// Inserts the row unless a row with its key is there: whether it was inserted. Another
    /// uniqueness it breaks throws, as `insert` does.
    mutating func insertIfAbsent(_ table: String, primaryKey: [Bool], _ values: [DatabaseValue]) throws -> Bool {
        let columns = try columns(table)
        let sql = sql("insert if absent", table) {
            let key = zip(columns, primaryKey).filter(\.1).map { "\"\($0.0)\"" }.joined(separator: ", ")
            return "INSERT INTO \"\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", "))) "
                + "ON CONFLICT (\(key)) DO NOTHING"
        }
        try store.db.cachedStatement(sql: sql).execute(arguments: SyncRows.arguments(values))
        return store.db.changesCount > 0
    }

    /// Sets the columns `values` holds (nil: left as they are) of the row with this key.
    mutating func update(_ table: String, primaryKey: [Bool], key: [DatabaseValue], _ values: [DatabaseValue?]) throws {
        let columns = try columns(table)
        let changed = values.indices.filter { values[$0] != nil && !primaryKey[$0] }
        guard !changed.isEmpty else { return }
        let sql = "UPDATE \"\(table)\" SET \(changed.map { "\"\(columns[$0])\" = ?" }.joined(separator: ", ")) WHERE \(SyncRows.condition(columns, primaryKey))"
        try store.db.cachedStatement(sql: sql).execute(arguments: SyncRows.arguments(changed.map { values[$0]! } + key))
    }

    mutating func delete(_ table: String, primaryKey: [Bool], key: [DatabaseValue]) throws {
        let columns = try columns(table)
        let sql = sql("delete", table) { "DELETE FROM \"\(table)\" WHERE \(SyncRows.condition(columns, primaryKey))" }
        try store.db.cachedStatement(sql: sql).execute(arguments: SyncRows.arguments(key))
    }

    // MARK: Values

    /// A total order of values, the same on every device: NULL, integers, reals, text, blobs.
    static func precedes(_ a: [DatabaseValue], _ b: [DatabaseValue]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return rank(x) < rank(y) || (rank(x) == rank(y) && less(x, y)) }
        return a.count < b.count
    }

    private static func rank(_ value: DatabaseValue) -> Int {
        switch value.storage {
        case .null: 0
        case .int64: 1
        case .double: 2
        case .string: 3
        case .blob: 4
        }
    }

    private static func less(_ a: DatabaseValue, _ b: DatabaseValue) -> Bool {
        switch (a.storage, b.storage) {
        case (.int64(let x), .int64(let y)): x < y
        case (.double(let x), .double(let y)): x < y
        case (.string(let x), .string(let y)): Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
        case (.blob(let x), .blob(let y)): Array(x).lexicographicallyPrecedes(Array(y))
        default: false
        }
    }

    /// A row as JSON (`syncRowTime.row`, what a deletion keeps to bring a row back): each value
    /// with its kind, so that it comes back exactly.
    static func json(_ values: [DatabaseValue]) -> String {
        let items: [Any] = values.map { value -> Any in
            switch value.storage {
            case .null: ["n"]
            case .int64(let integer): ["i", String(integer)]
            case .double(let double): ["r", String(double.bitPattern)]
            case .string(let text): ["t", text]
            case .blob(let data): ["b", data.base64EncodedString()]
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: items)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func values(json text: String) -> [DatabaseValue]? {
        guard let items = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String]] else { return nil }
        var values: [DatabaseValue] = []
        for item in items {
            switch (item.first, item.count > 1 ? item[1] : nil) {
            case ("n", _): values.append(.null)
            case ("i", let text?): guard let integer = Int64(text) else { return nil }; values.append(integer.databaseValue)
            case ("r", let text?): guard let bits = UInt64(text) else { return nil }; values.append(Double(bitPattern: bits).databaseValue)
            case ("t", let text?): values.append(text.databaseValue)
            case ("b", let text?): guard let data = Data(base64Encoded: text) else { return nil }; values.append(data.databaseValue)
            default: return nil
            }
        }
        return values
    }
}
