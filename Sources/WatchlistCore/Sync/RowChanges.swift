import Foundation
internal import GRDB
internal import WatchlistSQLiteShim

/// One row's change as a changeset holds it: sync applies each by the rules of its table
/// (`SyncApplier`), where undo applies a whole changeset exactly.
struct RowChange {
    enum Operation { case insert, update, delete }

    let table: String
    let operation: Operation
    /// Which columns make the table's primary key.
    let primaryKey: [Bool]
    /// The row's values before (a delete: every column; an update: the key and the columns it
    /// changed; nil where the change does not hold the column) and after (an insert: every
    /// column; an update: the columns it changed).
    let old: [DatabaseValue?]
    let new: [DatabaseValue?]

    /// The values that name the row: the key's columns, from `old` (update, delete) or `new`.
    var key: [DatabaseValue] {
        primaryKey.indices.filter { primaryKey[$0] }.map { (operation == .insert ? new[$0] : old[$0]) ?? .null }
    }

    /// The row as it is after the change, where the change says (every column for an insert).
    func after(_ column: Int) -> DatabaseValue? {
        operation == .delete ? nil : new[column] ?? (primaryKey[column] ? old[column] : nil)
    }
}

extension Changeset {
    /// Every row change, in the changeset's order (table by table, as recorded). A changeset
    /// that SQLite cannot read throws `ApplyFailure.damaged`.
    func rowChanges() throws -> [RowChange] {
        guard !bytes.isEmpty else { return [] }
        var input = bytes
        return try input.withUnsafeMutableBytes { buffer throws -> [RowChange] in
            var iterator: UnsafeMutableRawPointer?
            guard watchlist_changeset_iterate(Int32(buffer.count), buffer.baseAddress, &iterator) == SQLITE_OK else {
                _ = watchlist_changeset_done(iterator)
                throw ApplyFailure.damaged
            }
            var changes: [RowChange] = []
            var status: Int32
            repeat {
                var table: UnsafePointer<CChar>?
                var columns: Int32 = 0, operation: Int32 = 0, indirect: Int32 = 0
                status = watchlist_changeset_step(iterator, &table, &columns, &operation, &indirect)
                guard status == SQLITE_ROW, let table else { break }
                var flags: UnsafePointer<UInt8>?
                var keyColumns: Int32 = 0
                guard watchlist_changeset_primary_key(iterator, &flags, &keyColumns) == SQLITE_OK, let flags, keyColumns == columns else {
                    _ = watchlist_changeset_done(iterator)
                    throw ApplyFailure.damaged
                }
                let kind: RowChange.Operation = operation == WATCHLIST_CHANGE_INSERT ? .insert : operation == WATCHLIST_CHANGE_DELETE ? .delete : .update
                let count = Int(columns)
                func values(_ isNew: Bool) -> [DatabaseValue?] {
                    (0..<count).map { column -> DatabaseValue? in
                        var value: OpaquePointer?
                        guard watchlist_changeset_value(iterator, isNew ? 1 : 0, Int32(column), &value) == SQLITE_OK, let value else { return nil }
                        return Changeset.databaseValue(value)
                    }
                }
                changes.append(RowChange(table: String(cString: table), operation: kind,
                                         primaryKey: (0..<count).map { flags[$0] != 0 },
                                         old: kind == .insert ? Array(repeating: nil, count: count) : values(false),
                                         new: kind == .delete ? Array(repeating: nil, count: count) : values(true)))
            } while true
            guard watchlist_changeset_done(iterator) == SQLITE_OK, status == SQLITE_DONE else { throw ApplyFailure.damaged }
            return changes
        }
    }
}

extension Changeset {
    /// A value a changeset holds, as GRDB's value.
    static func databaseValue(_ value: OpaquePointer) -> DatabaseValue {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: return sqlite3_value_int64(value).databaseValue
        case SQLITE_FLOAT: return sqlite3_value_double(value).databaseValue
        case SQLITE_TEXT:
            guard let text = sqlite3_value_text(value) else { return .null }
            let count = Int(sqlite3_value_bytes(value))
            return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self).databaseValue
        case SQLITE_BLOB:
            let count = Int(sqlite3_value_bytes(value))
            guard count > 0, let blob = sqlite3_value_blob(value) else { return Data().databaseValue }
            return Data(bytes: blob, count: count).databaseValue
        default: return .null
        }
    }
}

/// Writes a changeset of inserts in SQLite's format (sqlite3session.h: a table header, then
/// each row's operation, flag and values): the rows of a snapshot, read from a query as they
/// come, never all at once.
struct ChangesetWriter {
    private(set) var bytes: [UInt8] = []
    private var table: String?

    var isEmpty: Bool { bytes.isEmpty }

    /// Starts the rows of `table`, whose columns are `primaryKey` (a flag each).
    mutating func begin(_ table: String, primaryKey: [Bool]) {
        self.table = table
        bytes.append(UInt8(ascii: "T"))
        appendVarint(UInt64(primaryKey.count))
        bytes += primaryKey.map { $0 ? 1 : 0 }
        bytes += Array(table.utf8) + [0]
    }

    /// One inserted row: every column's value.
    mutating func insert(_ values: [DatabaseValue]) {
        bytes += [UInt8(WATCHLIST_CHANGE_INSERT), 0]
        for value in values { append(value) }
    }

    private mutating func append(_ value: DatabaseValue) {
        switch value.storage {
        case .null: bytes.append(5)
        case .int64(let integer):
            bytes.append(1)
            appendBigEndian(UInt64(bitPattern: integer))
        case .double(let double):
            bytes.append(2)
            appendBigEndian(double.bitPattern)
        case .string(let text):
            bytes.append(3)
            appendVarint(UInt64(text.utf8.count))
            bytes += Array(text.utf8)
        case .blob(let data):
            bytes.append(4)
            appendVarint(UInt64(data.count))
            bytes += Array(data)
        }
    }

    private mutating func appendBigEndian(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// SQLite's variable-length integer: seven bits a byte, most significant first, the high
    /// bit set on every byte but the last (lengths here stay far below the 9-byte form).
    private mutating func appendVarint(_ value: UInt64) {
        var groups: [UInt8] = [UInt8(value & 0x7F)]
        var rest = value >> 7
        while rest > 0 {
            groups.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes += groups.reversed()
    }
}
