import Foundation
internal import GRDB

/// The queries and changes the service composes, run inside one of AppDatabase's
/// transactions (`database.write { store in … }`), so that a use case that resolves a film and
/// changes it is one transaction without the service touching GRDB. All of the project's SQL
/// lives in Store's files (one per table family) and in Schema/.
struct Store {
    let db: Database
    /// The recording of the write transaction this store runs in (`AppDatabase.change`); nil
    /// in a read, a dry run, or on a SQLite without the session extension.
    let recording: ChangeRecorder?

    init(_ db: Database, recording: ChangeRecorder? = nil) {
        (self.db, self.recording) = (db, recording)
    }

    // Every statement is prepared once per connection and reused (GRDB's statement cache):
    // preparing SQL costs more than running it, and imports run these by the hundred thousand.

    func all<Value>(_ sql: String, _ arguments: StatementArguments = [], _ decode: (Row) throws -> Value) throws -> [Value] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var values: [Value] = []
        while let row = try rows.next() { values.append(try decode(row)) }
        return values
    }

    func one<Value>(_ sql: String, _ arguments: StatementArguments = [], _ decode: (Row) throws -> Value) throws -> Value? {
        try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments).map(decode)
    }

    func value<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: Value.Type, _ sql: String, _ arguments: StatementArguments = []
    ) throws -> Value? {
        try Value.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    func values<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: Value.Type, _ sql: String, _ arguments: StatementArguments = []
    ) throws -> [Value] {
        try Value.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }

    func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// How many rows the last statement changed.
    var changes: Int { db.changesCount }
}

/// FilmQuery looks films up through the store, inside the caller's transaction.
extension Store: FilmLookup {}
