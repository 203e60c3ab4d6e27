import FuzzDriver
import WatchlistModel

// Trakt's JSON: ratings, watched, history, the watchlist, lists and a list's items, as the
// first byte names the file (a watchlist's items and a list's share their shape).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    var reader = ImportReader(today: Day(year: 2026, month: 11, day: 26)!)
    let name = ["ratings.json", "watched.json", "history.json", "watchlist.json", "lists.json", "lists/zones.json"][Int(input.first ?? 0) % 6]
    _ = try? reader.read(ImportSource(file: name, bytes: input), format: .trakt)
    _ = reader.finish()
    return 0
}
