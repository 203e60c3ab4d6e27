import Foundation

/// The films of an import: which rows name the same film (`position`), and what the rows add
/// to it (ratings by one rule, tags, lists), with the helpers every reader shares for days
/// and the values of fact cells.
extension ImportReader {
    /// The position of the film a row names, added when new: the same id, else the same title
    /// as written and year with no id that differs, is the same film. The film gets the ids
    /// it lacked. A row whose ids name two different films, or a film whose ids differ from
    /// the row's (two Trakt items sharing a `trakt` id, with different IMDb ids), is never
    /// merged: it becomes a film of its own, without the ids another film holds, and a warning
    /// says where (`place`, "diary.csv, line 3" or "ratings.json [4]").
    mutating func position(title: String, year: Int?, ids: FilmIdentifiers = FilmIdentifiers(),
                           place: @autoclosure () -> String) -> Int {
        let key = TitleAndYear(title: title, year: year)
        var ids = ids
        var byIds: [Int] = []
        for pair in ids.pairs {
            if let film = byId[pair.kind + " " + pair.value], !byIds.contains(film) { byIds.append(film) }
        }
        var found: Int?
        if let first = byIds.first {
            if byIds.count == 1, !batch.films[first].ids.conflicts(with: ids) {
                found = first
            } else {
                let others = byIds.map { batch.films[$0].displayTitle }
                let taken = ids.pairs.filter { byId[$0.kind + " " + $0.value] != nil }
                warn("\(place().oneLine): \(FilmDraft.displayTitle(title, year).oneLine) has "
                     + taken.map { "the \($0.kind) id \($0.value)" }.joined(separator: " and ")
                     + " of \(others.map(\.oneLine).joined(separator: " and ")), whose other ids differ: "
                     + "it was kept as a film of its own, without \(taken.count == 1 ? "that id" : "those ids").")
                for pair in taken { ids.remove(kind: pair.kind) }
            }
        }
        if found == nil, byIds.isEmpty, let first = byTitle[key] {
            if !batch.films[first].ids.conflicts(with: ids) {
                found = first
            } else {
                found = sameTitle[key]?.first { !batch.films[$0].ids.conflicts(with: ids) }
            }
        }
        let position: Int
        if let found {
            position = found
        } else {
            batch.films.append(ImportedFilm(title: title, year: year,
                                            format: currentFormat))
            position = batch.films.count - 1
            if byTitle[key] == nil { byTitle[key] = position } else { sameTitle[key, default: []].append(position) }
        }
        if !ids.isEmpty {
            let before = batch.films[position].ids
            batch.films[position].ids.merge(ids)
            for pair in batch.films[position].ids.pairs where !before.pairs.contains(where: { $0 == pair }) {
                byId[pair.kind + " " + pair.value] = position
            }
        }
        return position
    }

    /// Adds a watchlist or list to the batch. Two files of one import that are the same list
    /// (the same origin: its link, its Trakt id, a watchlist's name — an older and a newer
    /// export, or a list saved in pages) are combined: the entries of the first, then those of
    /// the next that it lacks, in order, so that no file's film is created and then removed by
    /// the same import. Two files whose names only give the same origin (a list without a link,
    /// in two folders) stay two lists.
    mutating func addList(_ list: ImportedCollection) {
        var list = list
        if list.legacyOrigin != nil, let origin = list.origin {
            var number = 1
            while batch.collections.contains(where: { $0.origin == list.origin }) {
                number += 1
                list.origin = ImportedCollection.origin(origin + "#", String(number))
            }
        }
        if let origin = list.origin, let same = batch.collections.firstIndex(where: { $0.kind == .list && $0.origin == origin }) {
            var films = Set(batch.collections[same].entries.map(\.film))
            for entry in list.entries where films.insert(entry.film).inserted { batch.collections[same].entries.append(entry) }
            if batch.collections[same].description.isEmpty { batch.collections[same].description = list.description }
            return
        }
        batch.collections.append(list)
    }

    /// Gives a film a rating a file holds, unless it has a better one from another file of the
    /// import: a dated rating wins over an undated one, the later of two dated ones wins (on
    /// the same day, a ratings file's), and the later file wins between two undated ones — the
    /// rule the import applies against the database, so that the files of one account of
    /// different eras make one diary whatever their order.
    mutating func offerRating(_ rating: ImportedRating, to position: Int) {
        guard let current = batch.films[position].rating else { return batch.films[position].rating = rating }
        switch (current.ratedAt, rating.ratedAt) {
        case (_?, nil): return
        case let (old?, new?) where new < old || (new == old && current.current && !rating.current): return
        default: batch.films[position].rating = rating
        }
    }

    mutating func addTags(_ tags: [String], to position: Int) {
        for tag in tags where !batch.films[position].tags.contains(tag) { batch.films[position].tags.append(tag) }
    }

    /// Merges a film of a watchlist document.
    @discardableResult
    mutating func merge(_ film: ImportedFilm, place: String) -> Int {
        currentFormat = .watchlist
        let position = position(title: film.title, year: film.year, ids: film.ids, place: place)
        var merged = batch.films[position]
        merged.inHistory = merged.inHistory || film.inHistory
        if merged.key == nil { merged.key = film.key }
        if merged.description.isEmpty { merged.description = film.description }
        if merged.fact.isEmpty { merged.fact = film.fact }
        merged.alternativeTitles += film.alternativeTitles.filter { !merged.alternativeTitles.contains($0) }
        merged.collections += film.collections.filter { !merged.collections.contains($0) }
        merged.viewings += film.viewings
        merged.rating = film.rating ?? merged.rating
        merged.notes += film.notes
        merged.tags += film.tags.filter { !merged.tags.contains($0) }
        for (tag, at) in film.tagsAddedAt where merged.tagsAddedAt[tag].map({ at < $0 }) ?? true { merged.tagsAddedAt[tag] = at }
        for (source, facts) in film.metadata { merged.addFacts(facts, from: source) }
        batch.films[position] = merged
        return position
    }

    static func midnight(_ day: Day) -> String { day.iso + "T00:00:00Z" }

    /// The day in `column` (not after today) as a time, shared with every other row of that day.
    mutating func midnight(_ row: CSVRow, _ column: String) throws -> String? {
        guard let day = try row.day(column, notAfter: today) else { return nil }
        return sharedMidnight(day)
    }

    mutating func sharedMidnight(_ day: Day) -> String {
        if let text = midnights[day] { return text }
        let text = ImportReader.midnight(day)
        midnights[day] = text
        return text
    }

    /// A cell that only feeds a film fact and does not read: a warning naming the file, line
    /// and column; the fact stays unknown.
    mutating func factWarning(_ row: CSVRow, _ column: String, _ problem: String) {
        let value = row[column]
        warn("\(row.origin): '\(value.prefix(40))\(value.count > 40 ? "…" : "")' in \(column) \(problem); "
                              + "that fact of the film stays unknown.")
    }

    /// A cell of names separated by commas (IMDb's Directors and Genres, Letterboxd's
    /// Directors): spaces collapsed, each once, in order, at most MetadataField.maximumValues.
    /// The cell only feeds a film fact: a name that is not one (a control character, too
    /// long) or a cell of more names than the limit is a warning naming the file, line and
    /// column, and the fact stays unknown or keeps its first names; it never refuses the file.
    /// The work is linear in the cell, whatever its size.
    mutating func names(_ row: CSVRow, _ column: String) -> [String] {
        var values: [String] = []
        var seen = Set<String>()
        for part in row[column].split(separator: ",") {
            let value = part.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            guard !value.isEmpty, !seen.contains(value) else { continue }
            guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
                  TextLimit.factValue.allows(value) else {
                warn("\(row.origin): the \(column) cell holds a name that is not one (a control character, "
                                      + "or more than \(TextLimit.factValue.maximum) characters): the film's \(column.lowercased()) stay unknown.")
                return []
            }
            guard values.count < MetadataField.maximumValues else {
                warn("\(row.origin): the \(column) cell names more than \(MetadataField.maximumValues); "
                                      + "the first \(MetadataField.maximumValues) are kept.")
                break
            }
            seen.insert(value)
            values.append(value)
        }
        return values
    }
}
