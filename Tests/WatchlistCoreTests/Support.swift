import Foundation
import GRDB
@testable import WatchlistCore
@testable import WatchlistModel
@_exported import WatchlistTestSupport

/// 2026-11-26 12:00 UTC: the day the tests treat as today.
let testNow = Date(timeIntervalSince1970: 1_795_694_400)
let testToday: Day = "2026-11-26"

/// A watchlist on a new in-memory database holding the built-in collection.
func makeWatchlist() throws -> Watchlist {
    try Watchlist.inMemory(clock: .fixed(testNow))
}

/// SQL for the key of the film this device shows as `number` (keys are not numbers since v10).
func filmKey(_ number: Int) -> String { "(SELECT filmId FROM filmNumber WHERE number = \(number))" }

/// SQL for the key of the note this device shows as `number`.
func noteKey(_ number: Int) -> String { "(SELECT noteId FROM noteNumber WHERE number = \(number))" }

extension Watchlist {
    /// The key of the row the SQL `query` selects, as text (how messages name rows).
    func key(_ query: String) throws -> String {
        try database.textRows("SELECT CAST((\(query)) AS TEXT)").first ?? "none"
    }
}

/// The whole JSON export, parsed.
func exportJSON(_ watchlist: Watchlist) throws -> [String: Any] {
    let text = try exportText(watchlist, .json)
    return try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
}

/// An export as text, written through a pipe.
func exportText(_ watchlist: Watchlist, _ format: ExportFormat) throws -> String {
    let folder = try temporaryFolder()
    let path = folder + "/export"
    try watchlist.export(format, toFile: path, force: false)
    return try String(contentsOfFile: path, encoding: .utf8)
}

/// Everything a user could see of the database: the export without its timestamp.
func visibleState(_ watchlist: Watchlist) throws -> String {
    try exportText(watchlist, .json).replacingOccurrences(
        of: #""exportedAt":"[^"]*""#, with: "", options: .regularExpression)
}

/// A new empty folder inside this test run's own temporary folder, which is removed when the
/// run ends.
func temporaryFolder() throws -> String {
    let path = testRunFolder + "/" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// One folder for everything a test run writes, removed at exit.
let testRunFolder: String = {
    let path = NSTemporaryDirectory() + "watchlist-core-tests-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "watchlist-core-tests-\(getpid())") }
    return path
}()

extension Watchlist {
    /// The same database and clock, recording changes as `command`.
    func typing(_ command: String) -> Watchlist {
        Watchlist(database: database, clock: clock, command: command)
    }

    /// The same database, its clock `seconds` later: a command run again a moment later.
    func later(by seconds: TimeInterval) -> Watchlist {
        Watchlist(database: database, clock: .fixed(clock.now().addingTimeInterval(seconds)), command: command)
    }
}

func filePermissions(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
}

/// True when `error` is malformed input data (exit 65) whose message holds every one of `parts`.
func isMalformedInput(_ error: Error, containing parts: String...) -> Bool {
    guard let error = error as? WatchlistError else { return false }
    switch error {
    case .invalidText, .malformedFile, .unrecognisedFile, .wrongFormat, .fileTooLarge, .noExportFiles, .notABackup:
        let message = error.localizedDescription
        return parts.allSatisfy(message.contains)
    default:
        return false
    }
}

/// A database as version `version` of the schema left it: its first `version` migrations and
/// the built-in collection, written in SQL that v1 takes, as an older watchlist wrote them
/// (the service writes the current schema only), followed by `statements`. The connection is
/// a plain one, as older versions opened: the current one does not trust the schema's
/// triggers to use the search index, which the triggers of v3 to v5 do.
func makeOlderDatabase(_ path: String, version: Int, then statements: [String] = []) throws {
    let migrations = Array(SchemaMigrations.all.prefix(version))
    let queue = try DatabaseQueue(path: path)
    try SchemaMigrations.migrator(migrations).migrate(queue)
    let seed = try BuiltInCollection.seed()
    let now = Timestamp.iso(testNow)
    // From v10 rows are named by keys, and films and notes have numbers.
    let keyed = version >= 10
    let collection = keyed ? RowKey.collection(origin: nil, slug: seed.slug) : 1
    try queue.write { db in
        try db.execute(sql: "INSERT INTO collection (id, slug, title, description, builtIn, createdAt) VALUES (?, ?, ?, ?, 1, ?)",
                       arguments: [collection, seed.slug, seed.title, seed.description, now])
        for (index, film) in seed.films.enumerated() {
            let id = keyed ? RowKey.film(title: film.title, year: film.year) : Int64(index + 1)
            try db.execute(sql: "INSERT INTO film (id, title, year, description, fact, titleKey) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, film.title, film.year, film.description, film.fact, film.titleKey])
            try db.execute(sql: "INSERT INTO collectionFilm (collectionId, filmId, position) VALUES (?, ?, ?)",
                           arguments: [collection, id, index + 1])
            if keyed { try db.execute(sql: "INSERT INTO filmNumber (number, filmId) VALUES (?, ?)", arguments: [index + 1, id]) }
        }
        for statement in statements { try db.execute(sql: statement) }
        if keyed { try db.execute(sql: "INSERT INTO noteNumber (noteId) SELECT id FROM note WHERE id NOT IN (SELECT noteId FROM noteNumber)") }
    }
    try queue.close()
}
