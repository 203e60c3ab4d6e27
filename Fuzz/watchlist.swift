import WatchlistFuzzCore

// libFuzzer target: the watchlist JSON document reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWatchlist(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var reader = ImportReader()
    _ = try? reader.read(Array(UnsafeBufferPointer(start: data, count: size)), path: "backup.json", format: .watchlist)
    _ = reader.finish()
    return 0
}
