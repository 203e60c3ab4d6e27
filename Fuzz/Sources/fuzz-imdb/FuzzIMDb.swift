import FuzzDriver
import WatchlistModel

// The IMDb readers: ratings (13 and 14 columns, the old quoted format), the watchlist and lists, in any language, with spreadsheet dates.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    var reader = ImportReader(today: Day(year: 2026, month: 11, day: 26)!)
    // The first byte picks ratings, the watchlist or a list.
    let name = ["ratings.csv", "WATCHLIST.csv", "ls123.csv"][Int(input.first ?? 0) % 3]
    _ = try? reader.read(ImportSource(file: name, bytes: input), format: .imdb)
    _ = reader.finish()
    return 0
}
