import Foundation
import FuzzDriver
import GRDB
import WatchlistCore

// A database file handed over (a "backup", a copied file), mutated byte by byte, and then its
// schema and planner statistics mutated as SQL would write them: opening it and every read use
// case, undo and db check either work or fail with a WatchlistError. No crash, no hang, and no
// file but the fuzzed one (and the export asked for) is created.
//
// Byte mutations rarely make a valid schema entry, so the input's last bytes are also read as a
// short program of structured mutations applied with `writable_schema` on a plain connection,
// as a hostile program would: renaming, retyping or rewriting a `sqlite_master` entry (a trigger
// named `sqlite_stat_evil`, an index on `sqlite_stat1`…), creating statistics tables, and
// planting statistics rows.
let folder: String = {
    let path = NSTemporaryDirectory() + "watchlist-fuzz-database-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

let clock = WatchlistClock.fixed(Date(timeIntervalSince1970: 1_795_694_400))

/// Pieces the structured mutations are made of.
let names = ["sqlite_stat1", "sqlite_stat4", "sqlite_stat_evil", "sqlite_stat2", "sqlite_sequence", "viewing", "note", "film", "history",
             "filmSearch", "historyChange", "grdb_migrations"]
let types = ["table", "index", "trigger", "view"]
let bodies = [
    "CREATE TRIGGER %@ AFTER INSERT ON viewing BEGIN DELETE FROM note; END",
    "CREATE TABLE %@(tbl,idx,stat)",
    "CREATE TABLE %@(tbl,idx,neq,nlt,ndlt,sample)",
    "CREATE INDEX %@ ON sqlite_stat1(tbl)",
    "CREATE VIEW %@ AS SELECT * FROM note",
    "CREATE TRIGGER %@ BEFORE DELETE ON film BEGIN SELECT raise(ABORT, 'x'); END",
]
let statistics = ["1 1", "1000000 1", "1 1000000 1000000", "unordered", "noskipscan", "10 1 sz=1000", "", "x y z"]
let indexes = ["viewing_filmId_watchedOn", "film_titleKey", "filmFact_field_valueKey", "sqlite_autoindex_filmFact_1", "note_filmId", "nothing"]

/// Applies the mutations the bytes name; each is one SQL statement, and a failing one is skipped.
func mutateSchema(_ path: String, _ program: ArraySlice<UInt8>) {
    guard !program.isEmpty, let queue = try? DatabaseQueue(path: path) else { return }
    defer { try? queue.close() }
    var bytes = Array(program)
    func next() -> Int { bytes.isEmpty ? 0 : Int(bytes.removeFirst()) }
    try? queue.inDatabase { db in
        try? db.execute(sql: "PRAGMA writable_schema = ON")
        while !bytes.isEmpty {
            let name = names[next() % names.count]
            switch next() % 6 {
            case 0:
                try? db.execute(sql: "UPDATE sqlite_master SET name = ? WHERE rowid = (SELECT rowid FROM sqlite_master LIMIT 1 OFFSET ?)",
                                arguments: [name, next() % 40])
            case 1:
                try? db.execute(sql: "UPDATE sqlite_master SET type = ? WHERE rowid = (SELECT rowid FROM sqlite_master LIMIT 1 OFFSET ?)",
                                arguments: [types[next() % types.count], next() % 40])
            case 2:
                let sql = bodies[next() % bodies.count].replacingOccurrences(of: "%@", with: name)
                try? db.execute(sql: "INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES (?, ?, ?, 0, ?)",
                                arguments: [types[next() % types.count], name, names[next() % names.count], sql])
            case 3:
                try? db.execute(sql: "ANALYZE")
            case 4:
                try? db.execute(sql: "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)",
                                arguments: [names[next() % names.count], indexes[next() % indexes.count], statistics[next() % statistics.count]])
            default:
                try? db.execute(sql: "UPDATE sqlite_master SET sql = sql || ? WHERE rowid = (SELECT rowid FROM sqlite_master LIMIT 1 OFFSET ?)",
                                arguments: [[" ", "; DROP TABLE note", " WHEN 1", ")", "--"][next() % 5], next() % 40])
            }
        }
        try? db.execute(sql: "PRAGMA writable_schema = OFF")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = folder + "/w.sqlite", export = folder + "/export.json"
    for leftover in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
        try? FileManager.default.removeItem(atPath: folder + "/" + leftover)
    }
    let input = bytes(data, size)
    guard FileManager.default.createFile(atPath: path, contents: Data(input)) else { fatalError("cannot write \(path)") }
    // A file's last byte says how many of the bytes before it are a mutation program (at most 24).
    if let count = input.last.map({ Int($0 % 25) }), count > 0, input.count > count + 1 {
        mutateSchema(path, input[(input.count - 1 - count)..<(input.count - 1)])
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where leftover != "w.sqlite" {
            try? FileManager.default.removeItem(atPath: folder + "/" + leftover)
        }
    }
    if let watchlist = try? Watchlist.open(path: path, clock: clock, busyTimeout: 0) {
        _ = try? watchlist.summary()
        _ = try? watchlist.list()
        _ = try? watchlist.list(FilmListQuery(watched: true, sort: .rating))
        _ = try? watchlist.collections()
        _ = try? watchlist.show("1")
        _ = try? watchlist.show("ascent")
        _ = try? watchlist.notes(of: nil)
        _ = try? watchlist.stats()
        _ = try? watchlist.search("the")
        _ = try? watchlist.next(seed: 1)
        _ = try? watchlist.history()
        _ = try? watchlist.export(.json, toFile: export, force: true)
        _ = try? watchlist.export(.html, toFile: export, force: true)
        _ = try? watchlist.undo()
        _ = try? watchlist.check()
    }
    if let checked = try? Watchlist.open(path: path, clock: clock, busyTimeout: 0, schemaCheck: .report) {
        _ = try? checked.check()
    }
    let left = Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    guard left.isSubset(of: ["w.sqlite", "export.json"]) else { fatalError("files were left: \(left.sorted())") }
    return 0
}
