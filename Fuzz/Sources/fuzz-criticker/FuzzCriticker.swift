import FuzzDriver
import WatchlistModel

// Criticker's ratings and a spreadsheet read by --columns: CSV with spaces after commas,
// semicolons, UTF-16, spreadsheet dates of two-digit years.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    var reader = ImportReader(today: Day(year: 2026, month: 11, day: 26)!)
    _ = try? reader.read(ImportSource(file: "criticker.csv", bytes: input), format: .criticker)
    _ = reader.finish()
    if let columns = try? SpreadsheetColumns(parsing: "title=Film,year=Year,watched=Date,rating=Score/10,note=Note,tags=Tags,rewatch=Again,imdb=IMDb") {
        var sheet = ImportReader(today: Day(year: 2026, month: 11, day: 26)!, columns: columns)
        _ = try? sheet.read(ImportSource(file: "films.csv", bytes: input), format: .auto)
        _ = sheet.finish()
    }
    return 0
}
