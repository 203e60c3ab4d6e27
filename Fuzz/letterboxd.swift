import WatchlistFuzzCore

// libFuzzer target: the Letterboxd readers (every file kind, recognised by its header row).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLetterboxd(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var reader = ImportReader()
    // The first byte picks the file name, which decides between watched, watchlist and likes.
    let names = ["diary.csv", "watched.csv", "watchlist.csv", "likes/films.csv", "reviews.csv", "ratings.csv", "export.csv"]
    let name = size > 0 ? names[Int(data[0]) % names.count] : "export.csv"
    _ = try? reader.read(Array(UnsafeBufferPointer(start: data, count: size)), path: name, format: .letterboxd)
    _ = reader.finish()
    return 0
}
