import FuzzDriver
import WatchlistModel

// The Letterboxd readers (every file kind, recognised by its place and header row, lists included).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    var reader = ImportReader(today: Day(year: 2026, month: 11, day: 26)!)
    // The first byte picks the file name, which decides between watched, watchlist and likes (a
    // first byte below 0x20 only picks it: Letterboxd's import format saved as `watched.csv`).
    let names = ["diary.csv", "watched.csv", "watchlist.csv", "likes/films.csv", "reviews.csv", "ratings.csv", "export.csv", "lists/mine.csv"]
    let name = input.first.map { names[Int($0) % names.count] } ?? "export.csv"
    let file = input.first.map { $0 < 0x20 } == true ? Array(input.dropFirst()) : input
    _ = try? reader.read(ImportSource(file: name, bytes: file), format: .letterboxd)
    _ = reader.finish()
    return 0
}
