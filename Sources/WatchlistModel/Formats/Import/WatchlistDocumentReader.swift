import Foundation

/// Reads the tool's own JSON document, every version shipped, checking every value where it
/// enters: version 1 (`tags` optional), and version 2, which adds a film's `ids` and
/// `alternativeTitles`, a viewing's `placeholder`, a note's `source`, and a collection's
/// `origin` and `entryNotes`, version 3, which adds a film's `facts` by source (the
/// `directors`, `runtime`… beside them are what the film showed, and are not read), and
/// version 4, which adds a note's `importedText`, a film's `tagsAddedAt` and a collection's
/// `createdAt`, version 5, which adds a film's, a viewing's and a note's `key` (a string of digits), and
/// version 6, which adds the `datasets` source and its `imdbMatch`, `imdbRefused` and `originalTitle`.
enum WatchlistDocumentReader {
    static let newestVersion = JSONDocument.version

    /// Whether a JSON object says it is a watchlist document (`"format"`, whatever its value: a
    /// document of another format is then refused by name). Other JSON objects (a profile, a
    /// backup's settings) are not documents.
    static func claims(_ bytes: [UInt8]) -> Bool {
        struct Format: Decodable { var format: String? }
        guard depth(bytes) <= maximumDepth, let head = try? JSONDecoder().decode(Format.self, from: Data(bytes)) else {
            // Not valid JSON, or nested too deep: the document reader says what is wrong.
            return !isJSON(bytes) || depth(bytes) > maximumDepth
        }
        return head.format != nil
    }

    /// Whether the bytes are JSON at all.
    static func isJSON(_ bytes: [UInt8]) -> Bool {
        depth(bytes) <= maximumDepth && (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
    }

    static func read(_ bytes: [UInt8], source: String, today: Day) throws -> (films: [ImportedFilm], collections: [ImportedCollection]) {
        func fail(_ problem: String) -> WatchlistError { .malformedFile(source: source, line: nil, problem: problem) }
        if depth(bytes) > maximumDepth {
            throw fail("the JSON nests arrays and objects more than \(maximumDepth) levels deep; a watchlist document nests 4")
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            throw fail("\(path(context.codingPath + [key])) is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                    let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            // A number that is not whole, or beyond 64 bits, is "corrupted" to the decoder: the
            // field is named, with what it must hold.
            throw fail("\(path(context.codingPath)) is not \(expected(context.codingPath.last))")
        } catch {
            throw fail("the file is not valid JSON")
        }
        guard document.format == JSONDocument.format else {
            throw fail("the file is JSON, but not a watchlist document (its format is '\(document.format)')")
        }
        guard let version = document.version.number, version >= 1 else {
            throw fail("its version is \(document.version.written), which is no watchlist document's version (1 to \(newestVersion))")
        }
        guard version <= newestVersion else {
            throw fail("the file is a watchlist document of version \(version); this watchlist reads versions 1 to \(newestVersion). Upgrade watchlist to import it")
        }
        let collections = try (document.collections ?? []).enumerated().map { index, collection in
            let at = "collections[\(index)]"
            let slug: String
            do { slug = try InputText.slug(collection.slug) } catch { throw fail("\(at).slug '\(collection.slug)' is not a slug") }
            var imported = ImportedCollection(kind: .document, slug: slug, title: try text(collection.title, at: "\(at).title", limit: .collectionTitle, fail: fail),
                                              description: try text(collection.description ?? "", at: "\(at).description",
                                                                    limit: .collectionDescription, allowEmpty: true, fail: fail),
                                              origin: try collection.origin.map { try text($0, at: "\(at).origin", limit: .origin, fail: fail) })
            let notes = try (collection.entryNotes ?? []).enumerated().map { index, note in
                try text(note, at: "\(at).entryNotes[\(index)]", limit: .entryNote, allowEmpty: true, fail: fail)
            }
            imported.createdAt = try WatchlistDocumentReader.timestamp(collection.createdAt, at: "\(at).createdAt", today: today, fail: fail)
            imported.documentEntries = (collection.films ?? []).enumerated().map { index, id in
                (id.value, index < notes.count ? notes[index] : "")
            }
            return imported
        }
        // Every document watchlist writes has films, if only []: a file without them is not one.
        guard let filmsIn = document.films else { throw fail("films is missing: a watchlist document lists its films, if only as []") }
        let films = try filmsIn.enumerated().map { index, film in
            try read(film, at: "films[\(index)]", source: source, today: today, fail: fail)
        }
        return (films, collections)
    }

    private static func read(_ film: FilmIn, at: String, source: String, today: Day, fail: (String) -> WatchlistError) throws -> ImportedFilm {
        func timestamp(_ raw: String?, at: String) throws -> String? {
            try WatchlistDocumentReader.timestamp(raw, at: at, today: today, fail: fail)
        }
        let title = try text(film.title, at: "\(at).title", limit: .title, fail: fail)
        let year = try film.year.map { year -> Int in
            guard (1870...2999).contains(year.value) else { throw fail("\(at).year \(year.value) is not a film's year") }
            return Int(year.value)
        }
        var imported = ImportedFilm(title: title, year: year,
                                    format: .watchlist)
        imported.id = film.id?.value
        imported.key = try film.key.map { try key($0, at: "\(at).key", fail: fail) }
        imported.inHistory = true
        if let ids = film.ids {
            if let imdb = ids.imdb {
                guard let parsed = FilmIdentifiers.imdb(parsing: imdb), parsed == imdb else { throw fail("\(at).ids.imdb '\(imdb)' is not an IMDb id") }
                imported.ids.imdb = parsed
            }
            if let link = ids.letterboxd {
                guard let parsed = FilmIdentifiers.letterboxd(parsing: link) else { throw fail("\(at).ids.letterboxd '\(link)' is not a Letterboxd film link") }
                imported.ids.letterboxd = parsed
            }
            if let tmdb = ids.tmdb?.value {
                guard tmdb > 0 else { throw fail("\(at).ids.tmdb \(tmdb) is not a TMDB id") }
                imported.ids.tmdb = tmdb
            }
            if let trakt = ids.trakt?.value {
                guard trakt > 0 else { throw fail("\(at).ids.trakt \(trakt) is not a Trakt id") }
                imported.ids.trakt = trakt
            }
        }
        imported.alternativeTitles = try (film.alternativeTitles ?? []).enumerated().map { index, title in
            try text(title, at: "\(at).alternativeTitles[\(index)]", limit: .title, fail: fail)
        }
        for (name, facts) in (film.facts ?? [:]).sorted(by: { $0.key < $1.key }) {
            let here = "\(at).facts.\(name.prefix(40))"
            guard let source = MetadataSource(rawValue: name) else {
                throw fail("\(here): '\(name.prefix(40))' is not a source of film facts (user, imdb, letterboxd, datasets)")
            }
            func list(_ values: [String]?, _ key: String, _ field: MetadataField) throws -> [String] {
                let values = values ?? []
                guard values.count <= MetadataField.maximumValues else { throw fail("\(here).\(key) has more than \(MetadataField.maximumValues) values") }
                var result: [String] = []
                for (index, value) in values.enumerated() {
                    let checked: String
                    do { checked = try InputText.metadataValue(value, field: field) } catch { throw fail("\(here).\(key)[\(index)] is not a \(field.rawValue)") }
                    if !result.contains(checked) { result.append(checked) }
                }
                return result
            }
            var metadata = FilmMetadata(directors: try list(facts.directors, "directors", .director), genres: try list(facts.genres, "genres", .genre),
                                        countries: try list(facts.countries, "countries", .country))
            if let language = facts.language {
                do { metadata.language = try InputText.metadataValue(language, field: .language) } catch { throw fail("\(here).language is not a language") }
            }
            if let runtime = facts.runtime?.value {
                guard (1...Int64(MetadataField.maximumRuntime)).contains(runtime) else { throw fail("\(here).runtime \(runtime) is not a runtime in minutes") }
                metadata.runtime = Int(runtime)
            }
            if let released = facts.released {
                guard let day = Day(iso: released) else { throw fail("\(here).released '\(released.prefix(40))' is not a date (YYYY-MM-DD)") }
                metadata.released = day
            }
            // The datasets source's record of the film's IMDb id: a match only while the film
            // holds that id, refusals of ids as IMDb writes them; from no other source.
            if let match = facts.imdbMatch {
                guard source == .datasets, match == imported.ids.imdb else { throw fail("\(here).imdbMatch is not the film's IMDb id") }
                metadata.imdbMatch = match
            }
            let refused = facts.imdbRefused ?? []
            guard refused.isEmpty || source == .datasets, refused.count <= MetadataField.maximumValues else {
                throw fail("\(here).imdbRefused is not a list of IMDb ids the datasets refused")
            }
            for (index, id) in refused.enumerated() {
                guard FilmIdentifiers.imdb(parsing: id) == id else { throw fail("\(here).imdbRefused[\(index)] is not an IMDb id") }
                if !metadata.imdbRefused.contains(id) { metadata.imdbRefused.append(id) }
            }
            if let title = facts.originalTitle {
                guard source == .datasets else { throw fail("\(here).originalTitle is the datasets' alone") }
                metadata.originalTitle = try text(title, at: "\(here).originalTitle", limit: .factValue, fail: fail)
            }
            if !metadata.isEmpty { imported.metadata[source] = metadata }
        }
        imported.description = try text(film.description ?? "", at: "\(at).description", limit: .filmDescription,
                                        allowEmpty: true, fail: fail)
        imported.fact = try text(film.fact ?? "", at: "\(at).fact", limit: .filmFact, allowEmpty: true, fail: fail)
        imported.collections = film.collections ?? []
        imported.viewings = try (film.viewings ?? []).enumerated().map { index, viewing in
            let here = "\(at).viewings[\(index)]"
            var day: Day?
            if let date = viewing.date {
                guard let parsed = Day(iso: date) else { throw fail("\(here).date '\(date.prefix(40))' is not a date (YYYY-MM-DD)") }
                guard parsed <= today else { throw fail("\(here).date \(date) is in the future (today is \(today.iso))") }
                day = parsed
            }
            let placeholder = viewing.placeholder ?? false
            if placeholder, day != nil { throw fail("\(here) is a placeholder with a date; a placeholder has none") }
            var imported = ImportedViewing(watchedOn: day, rewatch: viewing.rewatch ?? false,
                                           loggedAt: try timestamp(viewing.loggedAt, at: "\(here).loggedAt"), placeholder: placeholder)
            imported.key = try viewing.key.map { try key($0, at: "\(here).key", fail: fail) } ?? 0
            return imported
        }
        if let stars = film.rating {
            // The range first: Int(_:) of a huge or infinite double traps.
            guard (0.5...5).contains(stars), (stars * 2).rounded() == stars * 2, let value = StarRating(halfStars: Int(stars * 2)) else {
                throw fail("\(at).rating \(stars) is not a rating from 0.5 to 5 in steps of 0.5")
            }
            imported.rating = ImportedRating(value: value, ratedAt: try timestamp(film.ratedAt, at: "\(at).ratedAt"))
        }
        imported.notes = try (film.notes ?? []).enumerated().map { index, note in
            let here = "\(at).notes[\(index)]"
            var imported = ImportedNote(text: try text(note.text, at: "\(here).text", limit: .note, fail: fail),
                                id: note.id?.value, createdAt: try timestamp(note.createdAt, at: "\(here).createdAt"),
                                updatedAt: try timestamp(note.updatedAt, at: "\(here).updatedAt"),
                                source: try note.source.map { try text($0, at: "\(here).source", limit: .noteSource, fail: fail) },
                                importedText: try note.importedText.map { try text($0, at: "\(here).importedText", limit: .note, fail: fail) })
            imported.key = try note.key.map { try key($0, at: "\(here).key", fail: fail) }
            return imported
        }
        imported.tags = try (film.tags ?? []).enumerated().map { index, tag in
            do { return try InputText.tag(tag) } catch { throw fail("\(at).tags[\(index)] '\(tag)' is not a tag") }
        }
        for (tag, time) in (film.tagsAddedAt ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let checked = try? InputText.tag(tag), imported.tags.contains(checked) else {
                throw fail("\(at).tagsAddedAt names '\(tag.prefix(40))', which is not one of the film's tags")
            }
            imported.tagsAddedAt[checked] = try timestamp(time, at: "\(at).tagsAddedAt.\(tag.prefix(40))")
        }
        return imported
    }

    /// Text without NUL, trimmed, in NFC, not blank (unless allowed) and within `limit`.
    private static func text(_ raw: String, at: String, limit: TextLimit, allowEmpty: Bool = false,
                             fail: (String) -> WatchlistError) throws -> String {
        guard !raw.contains("\0") else { throw fail("\(at) holds a NUL character") }
        let text = InputText.normalized(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        guard allowEmpty || !text.isEmpty else { throw fail("\(at) is empty") }
        guard limit.allows(text) else { throw fail("\(at) is \(TextLimit.length(text)) code points long; the limit for a \(limit.what) is \(limit.maximum)") }
        return text
    }

    /// A row's key as version 5 writes it: a string of at most 19 digits, a positive 64-bit number.
    private static func key(_ raw: String, at: String, fail: (String) -> WatchlistError) throws -> Int64 {
        guard !raw.isEmpty, raw.utf8.count <= 19, raw.utf8.allSatisfy({ (48...57).contains($0) }), let key = Int64(raw), key > 0 else {
            throw fail("\(at) '\(raw.prefix(40))' is not a key (a string of at most 19 digits)")
        }
        return key
    }

    /// What a document holds at a key, for the message about a value that is not it.
    private static func expected(_ key: CodingKey?) -> String {
        switch key?.stringValue {
        case "id", "tmdb": "a whole number of at most 19 digits"
        case "year": "a year, a whole number such as 1977"
        case "runtime": "a whole number of minutes"
        case "rating": "a number of stars from 0.5 to 5"
        case "version": "a version number"
        case "rewatch", "placeholder": "true or false"
        case "films" where key?.intValue == nil: "a list"
        default: key?.intValue != nil ? "a value of the kind the list holds" : "the kind of value a watchlist document holds there"
        }
    }

    /// An ISO-8601 UTC instant as the tool writes it, on or before `today`, or nil.
    private static func timestamp(_ raw: String?, at: String, today: Day, fail: (String) -> WatchlistError) throws -> String? {
        guard let raw else { return nil }
        let bytes = Array(raw.utf8)
        let pattern = Array("0000-00-00T00:00:00Z".utf8)
        guard bytes.count == pattern.count,
              zip(bytes, pattern).allSatisfy({ $1 == UInt8(ascii: "0") ? ($0 >= 48 && $0 <= 57) : $0 == $1 }),
              let day = Day(iso: String(raw.prefix(10))) else {
            throw fail("\(at) '\(raw.prefix(40))' is not a time such as 2026-11-26T20:01:29Z")
        }
        // A day ahead at most: the instant is UTC, and today is the person's own day.
        guard day <= today.next else { throw fail("\(at) \(raw) is in the future (today is \(today.iso))") }
        return raw
    }

    /// How deeply the JSON text nests arrays and objects (outside strings).
    static func depth(_ bytes: [UInt8]) -> Int {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
                if deepest > maximumDepth { return deepest }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop(while: { $0 == "." }).description
    }
}
