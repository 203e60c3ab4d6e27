import Foundation
internal import GRDB
internal import WatchlistSQLiteShim

/// What every write records, in the one place every write goes through (`AppDatabase.change`):
/// SQLite's session extension records the transaction's changes to the shared tables. What
/// follows from a change is read from that record, whatever made it — a command, an import, an
/// undo, a migration's data step: the films whose search rows must be made again, and, for a
/// change recorded in the history, the changeset that `undo` inverts (`historyChange`).
///
/// The recording is cut into parts (`checkpoint`): a session holds every row it recorded, so a
/// long import ends its session when it holds `partLimit` bytes, keeps its changeset, and
/// begins another, and memory stays flat however large the import. Parts applied in order are
/// the change; their inverses applied in reverse order undo it.
final class ChangeRecorder {
    private let db: Database
    private var session: UnsafeMutableRawPointer?
    /// The history entry the change is recorded under; nil for a change that is not (the new
    /// database's first write, a migration's data step).
    private var historyId: Int64?
    /// The parts written under `historyId`.
    private(set) var partsWritten = 0
    /// The films whose search rows the change touched, and the notes and facts whose film is
    /// looked up at the end.
    private var films = Set<Int64>()
    private var rowsToLookUp: [String: [Int64]] = [:]
    /// The change replaced every row (a restore): the whole index is made again.
    private var everything = false
    /// Changes since the last cut, for a SQLite that cannot say its session's memory.
    private var checkpoints = 0
    /// The time the change goes to the sync folder under (each part an outbox entry), or nil
    /// when it does not: the device never synced, or the change came from another device.
    var outboxTime: String?

    /// The most a session holds before it is cut into a part.
    static let partLimit: Int64 = 4 << 20

    private init(db: Database, session: UnsafeMutableRawPointer) {
        (self.db, self.session) = (db, session)
    }

    /// A recording of the connection's transaction, or nil when this SQLite has no session
    /// extension (then every film's search row is made again after each change).
    static func begin(_ db: Database) throws -> ChangeRecorder? {
        guard Changeset.isAvailable else { return nil }
        return ChangeRecorder(db: db, session: try Changeset.begin(db))
    }

    /// Records the rest of the change under the history entry `id`.
    func record(under id: Int64) {
        historyId = id
    }

    /// Cuts the recording into a part when its session holds more than `partLimit`: called by
    /// long work between rows (an import, every thousand films).
    func checkpoint() throws {
        checkpoints += 1
        guard let session else { return }
        let memory = watchlist_changes_memory(session)
        if memory > ChangeRecorder.partLimit || (memory < 0 && checkpoints % 64 == 0) { try cut(restart: true) }
    }

    /// Ends the part being recorded: its films noted, its changeset kept under the history
    /// entry; a new session begins when `restart`.
    private func cut(restart: Bool) throws {
        guard let current = session else { return }
        session = nil
        // The part is read where SQLite made it: scanned for its films, and bound as the blob
        // SQLite copies, with no copy of ours (a long import's part is megabytes).
        var size: Int32 = 0
        var bytes: UnsafeMutableRawPointer?
        let status = watchlist_changes_end(current, &size, &bytes)
        defer { watchlist_free(bytes) }
        guard status == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: status)) }
        if restart { session = try Changeset.begin(db) }
        guard let bytes, size > 0 else { return }
        try note(Changeset.searchFilms(in: UnsafeMutableRawBufferPointer(start: bytes, count: Int(size))))
        if let historyId {
            try db.execute(sql: "INSERT INTO historyChange (historyId, part, changeset) VALUES (?, ?, ?)",
                           arguments: [historyId, partsWritten, Data(bytesNoCopy: bytes, count: Int(size), deallocator: .none)])
            partsWritten += 1
            if let outboxTime {
                let part = Changeset(bytes: Array(UnsafeRawBufferPointer(start: bytes, count: Int(size))))
                try Store(db).sendToFolder(part, at: outboxTime)
            }
        }
    }

    /// Notes the films a changeset touches (one the change applies: an undo's inverse).
    func note(_ changeset: Changeset) throws {
        try note(changeset.searchFilms())
    }

    private func note(_ found: (films: Set<Int64>, rowsToLookUp: [String: [Int64]])) {
        films.formUnion(found.films)
        for (table, ids) in found.rowsToLookUp { rowsToLookUp[table, default: []] += ids }
    }

    /// Ends the recording under the history entry: every part written. Returns how many parts
    /// the entry has (none: the change changed no shared row). What follows is not recorded.
    func finishRecording() throws -> Int {
        try cut(restart: true)
        let parts = partsWritten
        historyId = nil
        outboxTime = nil
        return parts
    }

    /// Stops recording until `resume` (an undo applies changesets whose films it notes itself;
    /// a restore replaces every row).
    func pause() {
        if let session { _ = watchlist_changes_enable(session, 0) }
    }

    func resume() {
        if let session { _ = watchlist_changes_enable(session, 1) }
    }

    /// The change replaced every row: the whole search index is made again at the end.
    func replacedEverything() {
        everything = true
    }

    /// Ends the recording and makes the search rows of the films the change touched again
    /// (every film's, after a restore). A part not recorded under an entry is only read for its films.
    func finish(_ store: Store) throws {
        try cut(restart: false)
        if everything { return try store.rebuildSearch() }
        for (table, ids) in rowsToLookUp {
            // The table's name is one of SharedTables'; the ids are bound, as one JSON array.
            let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
            films.formUnion(try Int64.fetchAll(db, sql: "SELECT filmId FROM \(table) WHERE id IN (SELECT value FROM json_each(?))", arguments: [list]))
        }
        try store.refreshSearch(filmIds: films)
    }

    /// Ends the recording of a change that failed: nothing of it is kept.
    func discard() {
        guard let current = session else { return }
        session = nil
        _ = try? Changeset.end(current)
    }
}
