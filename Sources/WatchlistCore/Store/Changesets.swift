import Foundation
internal import GRDB
internal import WatchlistSQLiteShim

/// A transaction's changes to the tables every device shares, as SQLite's session extension
/// records them: a changeset. Every write is recorded (`ChangeRecorder`, in `AppDatabase.change`);
/// the history keeps each change's changeset, and undo applies its inverse.
///
/// Only the shared tables are recorded, by name (`SharedTables`): never the search index (its
/// shadow tables cannot be written on a defensive connection), the history or the migrations'
/// bookkeeping. A changeset applied here changes those tables only, and any conflict aborts it.
struct Changeset: Equatable {
    let bytes: [UInt8]

    /// The tables a changeset may hold, children before parents.
    static let sharedTables = SharedTables.names

    /// Whether the system's SQLite has the session extension (a distribution may build it
    /// without).
    static var isAvailable: Bool { watchlist_changes_available() != 0 }

    var isEmpty: Bool { bytes.isEmpty }

    /// Runs `body` inside the current transaction and returns its result with the changeset of
    /// what it changed in `tables` (the shared tables). A connection may hold several
    /// recordings at once: this one beside `AppDatabase.change`'s.
    static func record<T>(_ store: Store, tables: [String] = sharedTables, _ body: () throws -> T) throws -> (T, Changeset) {
        let recorder = try begin(store.db, tables: tables)
        do {
            let result = try body()
            return (result, try end(recorder))
        } catch {
            _ = try? end(recorder)
            throw error
        }
    }

    /// The changeset that undoes this one.
    func inverted() throws -> Changeset {
        guard !bytes.isEmpty else { return self }
        var input = bytes
        return try Changeset.taking { size, inverted in
            watchlist_changeset_invert(Int32(input.count), &input, &size, &inverted)
        }
    }

    /// Starts a recording of `tables` on the connection: a session, ended by `end`.
    static func begin(_ db: Database, tables: [String] = sharedTables) throws -> UnsafeMutableRawPointer {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE) }
        var recorder: UnsafeMutableRawPointer?
        let status = withCStrings(tables) { names in
            watchlist_changes_begin(connection, names, Int32(tables.count), &recorder)
        }
        guard status == SQLITE_OK, let recorder else { throw DatabaseError(resultCode: ResultCode(rawValue: status)) }
        return recorder
    }

    /// Ends a recording: what it recorded.
    static func end(_ recorder: UnsafeMutableRawPointer) throws -> Changeset {
        try taking { size, bytes in watchlist_changes_end(recorder, &size, &bytes) }
    }

    /// Why an apply failed.
    enum ApplyFailure: Error, Equatable {
        /// It changes a table that is not a shared one.
        case foreignTable
        /// It is not a changeset SQLite can read.
        case damaged
        /// The database is not as it expects: the first conflict, described.
        case conflict(String)
        /// A row it writes would break a rule of the schema (a CHECK, NOT NULL, a uniqueness).
        case breaksSchema(String)
    }

    /// Applies the changeset inside the current transaction; a conflict (the rows are not as
    /// it expects) or a change to another table aborts it, leaving the database as it was.
    func applying(_ store: Store) throws(ApplyFailure) {
        guard !bytes.isEmpty else { return }
        guard let connection = store.db.sqliteConnection else { throw .damaged }
        var input = bytes
        var conflict = [CChar](repeating: 0, count: 256)
        var kind: Int32 = 0
        let status = Changeset.withCStrings(Changeset.sharedTables + [nil]) { names in
            watchlist_changeset_apply(connection, Int32(input.count), &input, names, &conflict, Int32(conflict.count), &kind)
        }
        switch status {
        case SQLITE_OK: return
        case SQLITE_AUTH: throw .foreignTable
        case SQLITE_ABORT, SQLITE_CONSTRAINT:
            let text = String(decoding: conflict.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if kind == WATCHLIST_CONFLICT_CONSTRAINT { throw .breaksSchema(text) }
            throw .conflict(text.isEmpty ? "its rows are not as it expects" : text)
        default: throw .damaged
        }
    }

    /// `applying`, with the failures a file's changeset meets said as such: `source` names it.
    func apply(_ store: Store, source: String = "the changeset") throws {
        do {
            try applying(store)
        } catch .foreignTable {
            throw WatchlistError.malformedFile(source: source, line: nil, problem: "it changes a table that is not one devices share")
        } catch .damaged {
            throw WatchlistError.malformedFile(source: source, line: nil, problem: "it is damaged: it is not a changeset SQLite can read")
        } catch .conflict(let conflict) {
            throw WatchlistError.nothingChanged("\(source) does not fit this database: \(conflict)")
        } catch .breaksSchema(let conflict) {
            throw WatchlistError.malformedFile(source: source, line: nil, problem: "it breaks a rule of the schema: \(conflict)")
        }
    }

    /// The films whose search rows the changeset touches (`SharedTables.searchFilmColumn`), and
    /// the notes and facts whose film it does not say (an update that kept the film): their ids,
    /// by table, for the caller to look up.
    func searchFilms() throws -> (films: Set<Int64>, rowsToLookUp: [String: [Int64]]) {
        var input = bytes
        return try input.withUnsafeMutableBytes { try Changeset.searchFilms(in: $0) }
    }

    /// The same, of a changeset where SQLite made it.
    static func searchFilms(in bytes: UnsafeMutableRawBufferPointer) throws -> (films: Set<Int64>, rowsToLookUp: [String: [Int64]]) {
        var films = Set<Int64>()
        var lookUp: [String: [Int64]] = [:]
        for table in SharedTables.all {
            guard let column = table.searchFilmColumn else { continue }
            for row in try rows(in: bytes, of: table.name, column: column) {
                if column == 0 { films.insert(row.key) } else if let film = row.value { films.insert(film) } else {
                    lookUp[table.name, default: []].append(row.key)
                }
            }
        }
        return (films, lookUp)
    }

    /// For every row of `table` it changes: its first column, and column `column` where the
    /// changeset holds it (an update holds only the columns it changed, and the key).
    func rows(of table: String, column: Int) throws -> [(key: Int64, value: Int64?)] {
        var input = bytes
        return try input.withUnsafeMutableBytes { try Changeset.rows(in: $0, of: table, column: column) }
    }

    static func rows(in bytes: UnsafeMutableRawBufferPointer, of table: String, column: Int) throws -> [(key: Int64, value: Int64?)] {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return [] }
        var capacity = 64
        while true {
            var keys = [Int64](repeating: 0, count: capacity), values = keys
            var known = [Int32](repeating: 0, count: capacity)
            var count: Int32 = 0
            let status = watchlist_changeset_rows(Int32(bytes.count), base, table, Int32(column), &keys, &values, &known,
                                                  Int32(capacity), &count)
            guard status == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: status)) }
            if Int(count) <= capacity {
                return (0..<Int(count)).map { (keys[$0], known[$0] != 0 ? values[$0] : nil) }
            }
            capacity = Int(count)
        }
    }

    /// A changeset SQLite allocated, copied and freed.
    private static func taking(_ make: (inout Int32, inout UnsafeMutableRawPointer?) -> Int32) throws -> Changeset {
        var size: Int32 = 0
        var bytes: UnsafeMutableRawPointer?
        let status = make(&size, &bytes)
        defer { watchlist_free(bytes) }
        guard status == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: status)) }
        guard let bytes, size > 0 else { return Changeset(bytes: []) }
        return Changeset(bytes: Array(UnsafeRawBufferPointer(start: bytes, count: Int(size))))
    }

    /// Calls `body` with the names as C strings (nil entries as NULL), valid during the call.
    private static func withCStrings<R>(_ names: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies = names.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { $0.map { UnsafePointer($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
