/// The export document (format "watchlist", version 6), written a film at a time: keys in
/// sorted order, one film a line. Its films are also what `show --json` prints. These shapes
/// are the contract; they do not move when the model does. Version 2 added a film's `ids` and
/// `alternativeTitles`, a viewing's `placeholder`, a note's `source`, and a collection's `origin`
/// and `entryNotes`; version 3 a film's `facts` (directors, genres… by source) and what it
/// shows of them (`directors`, `genres`, `countries`, `language`, `runtime`, `released`);
/// version 4 what a person's diary holds besides, so that every column of it survives the round
/// trip: a note's `importedText` (the review's text, kept when the note was edited), a film's
/// `tagsAddedAt` (when each tag was added) and a collection's `createdAt`; version 5 a film's, a
/// viewing's and a note's `key`, the same row on every device (as a string of digits: keys are beyond the
/// whole numbers JSON tools read exactly), while `id` is the number this device shows (and
/// what a collection's `films` name inside the document); version 6 the facts of IMDb's datasets
/// (`facts.datasets`), with the IMDb id they found by matching (`imdbMatch`), the ids the person
/// took away (`imdbRefused`) and the other title they added (`originalTitle`). The reader takes every version.
public enum JSONDocument {
    public static let format = "watchlist"
    public static let version = 6

    /// A film of the export document (and of `show --json`), keys in sorted order.
    public static func write(_ detail: FilmDetail, into json: inout JSONWriter) {
        let film = detail.film
        json.beginObject()
        json.key("alternativeTitles"); json.strings(detail.alternativeTitles)
        json.key("collections"); json.strings(detail.collections)
        json.key("countries"); json.strings(detail.metadata.countries)
        json.key("description"); json.string(film.description)
        json.key("directors"); json.strings(detail.metadata.directors)
        json.key("fact"); json.string(film.fact)
        json.key("facts"); json.beginObject()
        for source in MetadataSource.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
            guard let metadata = detail.metadataBySource[source], !metadata.isEmpty else { continue }
            json.key(source.rawValue); write(metadata, into: &json)
        }
        json.endObject()
        json.key("genres"); json.strings(detail.metadata.genres)
        json.key("id"); json.int(film.number)
        json.key("ids"); write(detail.ids, into: &json)
        json.key("key"); json.string(String(film.id))
        json.key("language"); json.string(detail.metadata.language)
        json.key("notes"); json.beginArray()
        for note in detail.notes {
            json.beginObject()
            json.key("createdAt"); json.string(note.createdAt)
            json.key("id"); json.int(note.number)
            json.key("importedText"); json.string(note.importedText)
            json.key("key"); json.string(String(note.id))
            json.key("source"); json.string(note.source)
            json.key("text"); json.string(note.text)
            json.key("updatedAt"); json.string(note.updatedAt)
            json.endObject()
        }
        json.endArray()
        json.key("ratedAt"); json.string(detail.rating?.ratedAt)
        json.key("rating"); json.stars(detail.rating?.value)
        writeShownTimes(detail.metadata, into: &json)
        json.key("tags"); json.strings(detail.tags)
        json.key("tagsAddedAt"); json.beginObject()
        for tag in detail.tags { if let at = detail.tagsAddedAt[tag] { json.key(tag); json.string(at) } }
        json.endObject()
        json.key("title"); json.string(film.title)
        json.key("viewings"); json.beginArray()
        for viewing in detail.viewings {
            json.beginObject()
            json.key("date"); json.string(viewing.watchedOn?.iso)
            json.key("key"); json.string(String(viewing.id))
            json.key("loggedAt"); json.string(viewing.loggedAt)
            json.key("placeholder"); json.bool(viewing.placeholder)
            json.key("rewatch"); json.bool(viewing.rewatch)
            json.endObject()
        }
        json.endArray()
        json.key("year"); json.int(film.year)
        json.endObject()
    }

    /// What a film shows of its facts, the lists: `countries`, `directors`, `genres` (in key order
    /// of the objects they are part of; `language`, `released` and `runtime` come later).
    public static func writeShownLists(_ metadata: FilmMetadata, into json: inout JSONWriter) {
        json.key("countries"); json.strings(metadata.countries)
        json.key("directors"); json.strings(metadata.directors)
        json.key("genres"); json.strings(metadata.genres)
    }

    /// `released` and `runtime`, `null` when unknown.
    public static func writeShownTimes(_ metadata: FilmMetadata, into json: inout JSONWriter) {
        json.key("released"); json.string(metadata.released?.iso)
        json.key("runtime"); json.int(metadata.runtime)
    }

    /// One source's facts, the fields it lacks left out: `{"directors": ["Larisa Shepitko"],
    /// "runtime": 111}`.
    public static func write(_ metadata: FilmMetadata, into json: inout JSONWriter) {
        json.beginObject()
        if !metadata.countries.isEmpty { json.key("countries"); json.strings(metadata.countries) }
        if !metadata.directors.isEmpty { json.key("directors"); json.strings(metadata.directors) }
        if !metadata.genres.isEmpty { json.key("genres"); json.strings(metadata.genres) }
        if let match = metadata.imdbMatch { json.key("imdbMatch"); json.string(match) }
        if !metadata.imdbRefused.isEmpty { json.key("imdbRefused"); json.strings(metadata.imdbRefused) }
        if let language = metadata.language { json.key("language"); json.string(language) }
        if let title = metadata.originalTitle { json.key("originalTitle"); json.string(title) }
        if let released = metadata.released { json.key("released"); json.string(released.iso) }
        if let runtime = metadata.runtime { json.key("runtime"); json.int(runtime) }
        json.endObject()
    }

    /// A film's ids: `{"imdb": "tt0076064", "letterboxd": "https://boxd.it/…", "tmdb": 42, "trakt": 7}`,
    /// the kinds it lacks left out.
    public static func write(_ ids: FilmIdentifiers, into json: inout JSONWriter) {
        json.beginObject()
        if let imdb = ids.imdb { json.key("imdb"); json.string(imdb) }
        if let letterboxd = ids.letterboxd { json.key("letterboxd"); json.string(letterboxd) }
        if let tmdb = ids.tmdb { json.key("tmdb"); json.int(tmdb) }
        if let trakt = ids.trakt { json.key("trakt"); json.int(trakt) }
        json.endObject()
    }

    /// A collection of the export document: slug, title, description, origin, its films' ids
    /// in order, and what it says of each.
    public static func write(_ contents: CollectionContents, into json: inout JSONWriter) {
        json.beginObject()
        json.key("createdAt"); json.string(contents.collection.createdAt)
        json.key("description"); json.string(contents.collection.description)
        json.key("entryNotes"); json.strings(contents.entryNotes)
        json.key("films"); json.beginArray()
        for number in contents.filmNumbers { json.int(number) }
        json.endArray()
        json.key("origin"); json.string(contents.collection.origin)
        json.key("slug"); json.string(contents.collection.slug)
        json.key("title"); json.string(contents.collection.title)
        json.endObject()
    }
}

/// Writes the export document: keys in sorted order (collections, exportedAt, films, format,
/// version), one film a line, a film at a time.
struct JSONExportWriter: ExportWriter {
    let output: TextOutput
    private var filmsWritten = 0

    init(_ output: TextOutput) {
        self.output = output
    }

    mutating func begin(exportedAt: String, collections: [CollectionContents]) throws {
        var json = JSONWriter()
        json.beginObject()
        json.key("collections"); json.beginArray()
        for contents in collections { JSONDocument.write(contents, into: &json) }
        json.endArray()
        json.key("exportedAt"); json.string(exportedAt)
        json.key("films")
        try output.write(json.bytes)
        try output.write("[")
    }

    mutating func add(_ film: FilmDetail) throws {
        var json = JSONWriter()
        JSONDocument.write(film, into: &json)
        try output.write(filmsWritten == 0 ? "\n" : ",\n")
        try output.write(json.bytes)
        filmsWritten += 1
    }

    mutating func finish() throws {
        try output.write("\n],\"format\":\"\(JSONDocument.format)\",\"version\":\(JSONDocument.version)}\n")
    }
}
