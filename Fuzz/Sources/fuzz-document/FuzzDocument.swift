import FuzzDriver
import WatchlistModel

// The watchlist JSON document reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var reader = ImportReader(today: Day(year: 2026, month: 11, day: 26)!)
    _ = try? reader.read(ImportSource(file: "backup.json", bytes: bytes(data, size)), format: .watchlist)
    _ = reader.finish()
    return 0
}
