import FuzzDriver
import WatchlistModel

// Trakt's JSON: ratings, watched, history, the watchlist, lists and a list's items, as the
// first byte names the file (a watchlist's items and a list's share their shape; a first byte
// below 0x20 only names it). An input may hold several files of one import, separated by the
// byte 0x1E, each named by the next name in turn: lists.json and its items files meet, two
// snapshots of watched meet.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    var reader = ImportReader(today: Day(year: 2026, month: 11, day: 26)!)
    let names = ["ratings.json", "watched.json", "history.json", "watchlist.json", "lists.json", "lists/zones.json",
                 "lists/top-2023.json", "lists/23.json"]
    let first = Int(input.first ?? 0) % names.count
    let files = input.first.map { $0 < 0x20 } == true ? input.dropFirst() : input[...]
    for (index, file) in files.split(separator: 0x1E, maxSplits: 15, omittingEmptySubsequences: false).enumerated() {
        _ = try? reader.read(ImportSource(file: names[(first + index) % names.count], bytes: Array(file)), format: .trakt)
    }
    _ = reader.finish()
    return 0
}
