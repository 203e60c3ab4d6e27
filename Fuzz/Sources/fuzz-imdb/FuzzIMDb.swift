import FuzzDriver
import WatchlistModel

// The IMDb readers (13 and 14 columns, and the old quoted format).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var reader = ImportReader(today: Day(year: 2026, month: 11, day: 26)!)
    _ = try? reader.read(bytes(data, size), path: "ratings.csv", format: .imdb)
    _ = reader.finish()
    return 0
}
