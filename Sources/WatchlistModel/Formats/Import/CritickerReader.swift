import Foundation

/// Criticker's ratings export: `Score, Film Name, Year, Date Rated, Mini Review, URL, IMDB ID`
/// (a space after every comma, which the header's names lose when trimmed), dates like
/// `"Jun 21 2014, 22:06"`.
///
/// A score is 0–10 or 0–100, by the account's setting; the scale is decided once for the
/// file: any score above 10 makes it 0–100. Scores become half stars by `CritickerScale`
/// (README, "Importing"): 0 is the lowest rating, never "unrated". The day rated is the
/// rating's day, and the film is watched (a placeholder, as a rating is for IMDb); a Mini
/// Review is a note; the IMDb id joins the film's ids. A row of a TV show (its URL under
/// `/tv/`) is skipped and counted.
extension ImportReader {
    mutating func readCriticker(_ table: inout CSVTable) throws -> Int {
        var scan = table
        var highest = 0
        while let row = try scan.next() {
            if let score = Int(row["Score"]), score > highest { highest = score }
        }
        let scale = CritickerScale(highest: highest)
        var rows = 0
        while let row = try table.next() {
            rows += 1
            // Criticker rates TV shows too (`criticker.com/tv/The-Office/`): skipped and counted,
            // as IMDb's series are.
            if row["URL"].lowercased().contains("criticker.com/tv/") {
                _ = try row.title("Film Name")
                batch.skippedTitleTypes["tv", default: 0] += 1
                continue
            }
            var ids = FilmIdentifiers()
            let imdb = row["IMDB ID"]
            if !imdb.isEmpty {
                guard let parsed = FilmIdentifiers.imdb(parsing: imdb) ?? FilmIdentifiers.imdb(parsing: "tt" + imdb) else {
                    throw row.error("'\(imdb.prefix(40))' in IMDB ID is not an IMDb id such as tt0076064")
                }
                ids.imdb = parsed
            }
            let film = try historyFilm(row, title: "Film Name", ids: ids)
            let text = row["Score"]
            guard let score = Int(text), let value = scale.rating(score) else {
                throw row.error("'\(text.prefix(20))' in Score is not a score from 0 to \(scale.maximum)")
            }
            let day = try criticDay(row)
            var ratedAt: String?
            if let day { ratedAt = sharedMidnight(day) }
            offerRating(ImportedRating(value: value, ratedAt: ratedAt, current: true), to: film)
            batch.films[film].addPlaceholder(loggedAt: ratedAt)
            if let note = try row.noteText(row.raw("Mini Review")), !batch.films[film].notes.contains(where: { $0.text == note }) {
                batch.films[film].notes.append(ImportedNote(text: note, createdAt: ratedAt))
            }
        }
        return rows
    }

    /// `Jun 21 2014, 22:06` (or a day as exports write it); nil when empty, an error when it is
    /// not a date or after today.
    private func criticDay(_ row: CSVRow) throws -> Day? {
        let text = row["Date Rated"]
        if text.isEmpty { return nil }
        let words = text.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        var day = row.dateReadings["Date Rated"].day(text, todayYear: today.year) ?? Day(iso: String(text.prefix(10)))
        if day == nil, words.count >= 3, let month = IMDbDate.months.firstIndex(of: words[0].prefix(3).lowercased()),
           let number = Int(words[1]), words[2].count == 4, let year = Int(words[2]) {
            day = Day(year: year, month: month + 1, day: number)
        }
        guard let day else { throw row.error("'\(text.prefix(40))' in Date Rated is not a date such as Jun 21 2014, 22:06") }
        if day > today { throw row.error("\(day.iso) in Date Rated is in the future (today is \(today.iso))") }
        return day
    }
}

/// How Criticker's scores become half stars, the scale decided once for a file.
/// 0–10: a score is as many half stars (10 is ★★★★★), and 0 is ½ like 1.
/// 0–100: every ten points is half a star, rounded up (91–100 is ★★★★★, 1–10 is ½), and 0 is ½.
public struct CritickerScale: Sendable, Equatable {
    public let maximum: Int

    public init(highest: Int) {
        maximum = highest > 10 ? 100 : 10
    }

    public func rating(_ score: Int) -> StarRating? {
        guard (0...maximum).contains(score) else { return nil }
        let halves = maximum == 10 ? score : (score + 9) / 10
        return StarRating(halfStars: max(1, halves))
    }
}
