import FuzzDriver
import WatchlistModel

// Netflix's viewing history (`Title,Date`): the episode guesses, the dates decided by the whole
// file, titles without a year.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var reader = ImportReader(today: Day(year: 2026, month: 11, day: 26)!)
    _ = try? reader.read(ImportSource(file: "NetflixViewingHistory.csv", bytes: bytes(data, size)), format: .netflix)
    _ = reader.finish()
    return 0
}
