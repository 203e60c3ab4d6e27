import Foundation
import GRDB
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

@Suite("db check, backup and restore")
struct MaintenanceTests {
    let folder: String
    let watchlist: Watchlist

    init() throws {
        folder = try temporaryFolder()
        watchlist = try Watchlist.open(path: folder + "/w.sqlite", clock: .fixed(testNow))
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2024-01-01")!))
        _ = try watchlist.rate("ascent", "4")
        _ = try watchlist.addNote("ascent", text: "kept")
    }

    @Test("a sound database passes the check; a broken foreign key fails it with what is wrong")
    func check() throws {
        try watchlist.check()
        let queue = try DatabaseQueue(path: folder + "/w.sqlite")
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt) VALUES (999, NULL, 0, '2026-01-01T00:00:00Z')")
        }
        try queue.close()
        #expect {
            try watchlist.check()
        } throws: { error in
            guard case WatchlistError.databaseDamaged(_, let problems) = error else { return false }
            return problems.count == 1 && problems[0].hasPrefix("row ") && problems[0].hasSuffix(" of viewing refers to a missing row of film")
        }
    }

    @Test("backup writes a consistent, private copy; never over a file without force")
    func backup() throws {
        let path = folder + "/backup.sqlite"
        try watchlist.backup(to: path, force: false)
        #expect(try filePermissions(path) == 0o600)
        let copy = try Watchlist.open(path: path, clock: .fixed(testNow))
        #expect(try visibleState(copy) == visibleState(watchlist))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: WatchlistError.outputExists(path: path)) { try watchlist.backup(to: path, force: false) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        _ = try watchlist.watch("red tent")
        try watchlist.backup(to: path, force: true)
        #expect(try visibleState(Watchlist.open(path: path, clock: .fixed(testNow))) == visibleState(watchlist))
        #expect(throws: WatchlistError.self) { try watchlist.backup(to: folder + "/w.sqlite", force: true) }
    }

    @Test("restore checks the backup, keeps the current content, and replaces it")
    func restore() throws {
        let path = folder + "/backup.sqlite"
        try watchlist.backup(to: path, force: false)
        let backedUp = try visibleState(watchlist)
        _ = try watchlist.watch("red tent")
        let changed = try visibleState(watchlist)
        let kept = try #require(try watchlist.restore(from: path))
        #expect(try visibleState(watchlist) == backedUp)
        #expect(try visibleState(Watchlist.open(path: kept, clock: .fixed(testNow))) == changed)
        try watchlist.check()
    }

    @Test("restore refuses a file that is not a sound watchlist backup, and changes nothing", arguments: ["garbage", "empty", "foreign", "newer", "missing"])
    func refusedBackups(kind: String) throws {
        let path = folder + "/bad.sqlite"
        switch kind {
        case "garbage": try Data("not a database".utf8).write(to: URL(fileURLWithPath: path))
        case "empty": try Data().write(to: URL(fileURLWithPath: path))
        case "foreign":
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
            try queue.close()
        case "newer":
            try watchlist.backup(to: path, force: false)
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99_future')") }
            try queue.close()
        default: break
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/w.sqlite"))
        #expect(throws: WatchlistError.self) { _ = try watchlist.restore(from: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/w.sqlite")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("before-restore") }.isEmpty)
    }

    @Test("an older backup is migrated when restored")
    func olderBackup() throws {
        let path = folder + "/v1.sqlite"
        try makeOlderDatabase(path, version: 1, then: [
            "INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt) VALUES (8, '2020-02-02', 0, '2026-11-26T12:00:00Z')",
        ])
        _ = try watchlist.restore(from: path)
        #expect(try watchlist.database.textRows("SELECT identifier FROM grdb_migrations ORDER BY rowid") == SchemaMigrations.all.map(\.identifier))
        #expect(try watchlist.show("star").viewings.map(\.watchedOn) == ["2020-02-02"])
        _ = try watchlist.tag("star", ["works"])
    }
}
