import WatchlistFuzzCore

// libFuzzer target: the IMDb ratings readers (13 and 14 columns, and the old quoted format).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIMDb(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var reader = ImportReader()
    _ = try? reader.read(Array(UnsafeBufferPointer(start: data, count: size)), path: "ratings.csv", format: .imdb)
    _ = reader.finish()
    return 0
}
