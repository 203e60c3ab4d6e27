import Foundation
import FuzzDriver
import WatchlistCore

// A database file handed over (a "backup", a copied file), mutated byte by byte: opening it
// and every read use case, undo and db check either work or fail with a WatchlistError. No
// crash, no hang, and no file but the fuzzed one (and the export asked for) is created.
let folder: String = {
    let path = NSTemporaryDirectory() + "watchlist-fuzz-database-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

let clock = WatchlistClock.fixed(Date(timeIntervalSince1970: 1_795_694_400))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = folder + "/w.sqlite", export = folder + "/export.json"
    for leftover in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
        try? FileManager.default.removeItem(atPath: folder + "/" + leftover)
    }
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes(data, size))) else { fatalError("cannot write \(path)") }
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
