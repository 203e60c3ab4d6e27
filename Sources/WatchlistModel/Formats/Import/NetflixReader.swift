import Foundation

/// Netflix's viewing history (`NetflixViewingHistory.csv`, from the account's "Viewing
/// activity"): `Title,Date`, a row for each title watched on a day, films and episodes alike,
/// with no year, no id and no time. What is guessed is written in the README:
/// - an episode is a title whose second part (between `: `) names a season in one of the
///   languages Netflix writes (`Season 1`, `Temporada 2`, `Staffel 3`, `Saison 1`, `Stagione`,
///   `Limited Series`…), or a title of three parts or more (`Show: Part 1: Episode`), or a
///   title whose first part several rows share with different rest (the episodes of a show
///   without seasons); episodes are counted and skipped, and the shows guessed by a shared first
///   part are named in a warning;
/// - every other row is a film watched on its day; the file's dates are read as item 2 of the
///   spreadsheet rules (`DateReading`): day or month first, decided by all of them;
/// - a film has no year: the import matches it to a film of that title only when exactly one
///   has it, and otherwise creates it without a year (with --add-missing) and lists it.
extension ImportReader {
    /// Words that say a part of a title is a season, lower case. Words that films use too
    /// (`Part Two`, `Chapter 2`, `Vol. 1`, `Episode IV`) are not here: an episode of such a
    /// season has a third part, its own title, which tells it apart.
    static let seasonWords = ["season", "temporada", "staffel", "saison", "stagione", "seizoen", "sezon", "säsong", "sæson",
                              "sesong", "kausi", "évad", "série", "series", "limited series", "miniseries", "mini-series",
                              "miniserie", "minisérie", "miniserie", "sezóna", "сезон", "シーズン"]

    mutating func readNetflix(_ table: inout CSVTable, source: ImportSource) throws -> Int {
        try prepareDates(&table, columns: ["Date"])
        // First pass: which first parts several rows share with a different rest.
        var scan = table
        var rests: [String: Set<String>] = [:]
        while let row = try scan.next() {
            let parts = NetflixTitle(row["Title"])
            guard parts.parts.count == 2, !parts.namesSeason else { continue }
            if rests[parts.parts[0], default: []].count < 2 { rests[parts.parts[0], default: []].insert(parts.parts[1]) }
        }
        let shows = Set(rests.filter { $0.value.count > 1 }.keys)
        var guessed: [String: Int] = [:]
        var rows = 0
        while let row = try table.next() {
            rows += 1
            let title = try row.title("Title")
            let parts = NetflixTitle(title)
            if parts.namesSeason || parts.parts.count > 2 || (parts.parts.count == 2 && shows.contains(parts.parts[0])) {
                if !parts.namesSeason && parts.parts.count == 2 { guessed[parts.parts[0], default: 0] += 1 }
                batch.skippedTitleTypes["episode", default: 0] += 1
                continue
            }
            guard let day = try row.day("Date", notAfter: today) else { throw row.error("the Date is empty") }
            let film = position(title: title, year: nil, place: row.origin)
            batch.films[film].inHistory = true
            batch.films[film].viewings.append(ImportedViewing(watchedOn: day, rewatch: false, loggedAt: sharedMidnight(day), rewatchUnknown: true))
        }
        if !guessed.isEmpty {
            let named = guessed.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10).map { "'\($0.key.oneLine)' (\($0.value))" }
            warn("\(source.name.oneLine): rows read as episodes because their titles share what comes before ': ' with other rows: "
                 + named.joined(separator: ", ") + (guessed.count > 10 ? " and \(guessed.count - 10) more" : "") + ".")
        }
        return rows
    }
}

/// A Netflix title split at `: `, and whether its second part names a season.
struct NetflixTitle {
    let parts: [String]
    let namesSeason: Bool

    init(_ title: String) {
        parts = title.components(separatedBy: ": ").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 2 else {
            namesSeason = false
            return
        }
        let second = parts[1].lowercased()
        namesSeason = ImportReader.seasonWords.contains { word in
            second == word || second.hasPrefix(word + " ")
        }
    }
}
