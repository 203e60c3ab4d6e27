import Foundation

/// A list of Letterboxd's export (`lists/<name>.csv`), which becomes a collection:
///
///     Letterboxd list export v7
///     Date,Name,Tags,URL,Description
///     2024-03-01,2000s Ranked,"2000s, top",https://boxd.it/tuaCm,"All the films…"
///
///     Position,Name,Year,URL,Description
///     1,The Class,2007,https://boxd.it/1q08,
///
/// The first line is empty in older exports; descriptions may hold blank lines inside quotes.
/// The collection's slug comes from the file's name, its title and description from the list,
/// its films from the entries in Position order, each with its own description.
extension ImportReader {
    /// `first` is the file's first record, read to decide what it is; `rest` the records after it.
    mutating func readLetterboxdList(first firstRecord: CSVRecords.Record, rest: CSVRecords, source: ImportSource) throws -> Int {
        let path = source.name
        var records = rest
        var first: CSVRecords.Record? = firstRecord
        if let preamble = first, preamble.fields.count == 1,
           preamble.fields[0].hasPrefix("Letterboxd list export") || preamble.fields[0].trimmingCharacters(in: .whitespaces).isEmpty {
            first = try records.next()
        }
        guard let listHeader = first, listHeader.fields.map({ $0.trimmingCharacters(in: .whitespaces) }).starts(with: ["Date", "Name"]) else {
            throw WatchlistError.malformedFile(source: path, line: first?.line ?? 1,
                problem: "a Letterboxd list export starts with the header Date,Name,Tags,URL,Description")
        }
        let columns = Dictionary(listHeader.fields.enumerated().map { ($1.trimmingCharacters(in: .whitespaces), $0) }) { first, _ in first }
        guard let list = try records.next(), list.fields.count == listHeader.fields.count else {
            throw WatchlistError.malformedFile(source: path, line: listHeader.line + 1, problem: "the list's own row (its name and description) is missing")
        }
        func value(_ column: String) -> String {
            columns[column].map { list.fields[$0].trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        }
        let name = value("Name")
        guard !name.isEmpty else { throw WatchlistError.malformedFile(source: path, line: list.line, problem: "the list has no Name") }
        guard TextLimit.collectionTitle.allows(name) else {
            throw WatchlistError.malformedFile(source: path, line: list.line,
                problem: "the list's Name is \(TextLimit.length(name)) code points long; the limit for a \(TextLimit.collectionTitle.what) is \(TextLimit.collectionTitle.maximum)")
        }
        let description = InputText.normalized(ReviewText.plain(value("Description")).trimmingCharacters(in: .whitespacesAndNewlines))
        guard TextLimit.collectionDescription.allows(description) else {
            throw WatchlistError.malformedFile(source: path, line: list.line,
                problem: "the list's Description is \(TextLimit.length(description)) code points long; the limit is \(TextLimit.collectionDescription.maximum)")
        }
        let file = source.place.isEmpty ? (path as NSString).lastPathComponent : (source.place as NSString).lastPathComponent
        let fileName = (file as NSString).deletingPathExtension
        let slug = InputText.slug(fromFileName: fileName).isEmpty ? InputText.slug(fromFileName: name) : InputText.slug(fromFileName: fileName)
        let link = FilmIdentifiers.letterboxd(parsing: value("URL"))
        // A list is found again by its link; a list without one by its file's name, exactly:
        // two lists whose names fold alike ("My List.csv", "my-list.csv") stay two.
        var collection = ImportedCollection(kind: .list, slug: slug.isEmpty ? "letterboxd-list" : slug, title: name,
                                            description: description,
                                            origin: link ?? ImportedCollection.origin("letterboxd-list:", file))
        if link == nil { collection.legacyOrigin = "letterboxd-list:" + slug }
        var table = try CSVTable(records: records, source: path)
        table.todayYear = today.year
        guard table.header.contains("Name") else {
            throw WatchlistError.malformedFile(source: path, line: list.line + 1,
                problem: "the list's entries need the header Position,Name,Year,URL,Description")
        }
        var entries: [(position: Int, line: Int, entry: ImportedCollection.Entry)] = []
        while let row = try table.next() {
            let film = try self.film(row, ids: filmLink(row, column: "URL"))
            let position = row["Position"].isEmpty ? entries.count + 1 : try row.position("Position")
            let note = try row.noteText(ReviewText.plain(row.raw("Description")), limit: .entryNote) ?? ""
            entries.append((position, row.line, .init(film: film, note: note)))
        }
        collection.entries = entries.sorted { ($0.position, $0.line) < ($1.position, $1.line) }.map(\.entry)
        addList(collection)
        return entries.count
    }
}
