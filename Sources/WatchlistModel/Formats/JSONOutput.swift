import Foundation

/// What every `--json` prints: one JSON document, compact, keys in sorted order, camelCase;
/// a top-level array has one element a line. These shapes are the contract; they do not move
/// when the model does.
public enum JSONOutput {
    /// `show --json`: one film, shaped like a film of the export document.
    public static func film(_ detail: FilmDetail) -> Data {
        var json = JSONWriter()
        JSONDocument.write(detail, into: &json)
        return Data(json.bytes)
    }

    /// `list --json`: film summaries.
    public static func summaries(_ summaries: [FilmSummary]) -> Data {
        lines(summaries) { summary($0, into: &$1) }
    }

    /// `list --json` written as the films come.
    public static func summaryLines(to output: TextOutput) throws -> JSONLines<FilmSummary> {
        try JSONLines(output) { summary($0, into: &$1) }
    }

    /// One element of `list --json`.
    static func summary(_ summary: FilmSummary, into json: inout JSONWriter) {
            json.beginObject()
            JSONDocument.writeShownLists(summary.metadata, into: &json)
            json.key("id"); json.int(summary.film.id)
            json.key("ids"); JSONDocument.write(summary.ids, into: &json)
            json.key("language"); json.string(summary.metadata.language)
            json.key("lastWatched"); json.string(summary.lastWatched?.iso)
            json.key("notes"); json.int(summary.noteCount)
            json.key("rating"); json.stars(summary.rating)
            JSONDocument.writeShownTimes(summary.metadata, into: &json)
            json.key("tags"); json.strings(summary.tags)
            json.key("title"); json.string(summary.film.title)
            json.key("viewings"); json.int(summary.viewingCount)
            json.key("year"); json.int(summary.film.year)
            json.endObject()
    }

    /// `collection list --json`: the collections with their progress.
    public static func collections(_ collections: [CollectionProgress]) -> Data {
        lines(collections) { progress, json in
            json.beginObject()
            json.key("builtIn"); json.bool(progress.collection.builtIn)
            json.key("description"); json.string(progress.collection.description)
            json.key("films"); json.int(progress.filmCount)
            json.key("origin"); json.string(progress.collection.origin)
            json.key("slug"); json.string(progress.collection.slug)
            json.key("title"); json.string(progress.collection.title)
            json.key("watched"); json.int(progress.watchedCount)
            json.endObject()
        }
    }

    /// `note list --json`: notes, each with its film's id and title.
    public static func notes(_ notes: [FilmNote]) -> Data {
        lines(notes) { item, json in
            json.beginObject()
            json.key("createdAt"); json.string(item.note.createdAt)
            json.key("film"); json.string(item.film.displayTitle)
            json.key("filmId"); json.int(item.film.id)
            json.key("id"); json.int(item.note.id)
            json.key("source"); json.string(item.note.source)
            json.key("text"); json.string(item.note.text)
            json.key("updatedAt"); json.string(item.note.updatedAt)
            json.endObject()
        }
    }

    /// `search --json`: the matches, best first.
    public static func searchHits(_ hits: [SearchHit]) -> Data {
        lines(hits) { hit, json in
            json.beginObject()
            JSONDocument.writeShownLists(hit.metadata, into: &json)
            json.key("id"); json.int(hit.film.id)
            json.key("ids"); JSONDocument.write(hit.ids, into: &json)
            json.key("language"); json.string(hit.metadata.language)
            JSONDocument.writeShownTimes(hit.metadata, into: &json)
            json.key("score"); json.double((hit.score * 1000).rounded() / 1000)
            json.key("snippet"); json.string(hit.snippet)
            json.key("title"); json.string(hit.film.title)
            json.key("year"); json.int(hit.film.year)
            json.endObject()
        }
    }

    /// `history --json`: the recorded changes, newest first.
    public static func history(_ entries: [HistoryEntry]) -> Data {
        lines(entries) { entry, json in
            json.beginObject()
            json.key("at"); json.string(entry.at)
            json.key("command"); json.string(entry.command)
            json.key("id"); json.int(entry.id)
            json.key("summary"); json.string(entry.summary)
            json.key("undoable"); json.bool(entry.undoable)
            json.endObject()
        }
    }

    /// `stats --json`.
    public static func stats(_ stats: Stats) -> Data {
        var json = JSONWriter()
        func counts(_ counts: [Stats.Count]) {
            json.beginArray()
            for count in counts {
                json.beginObject()
                json.key("count"); json.int(count.count)
                json.key("label"); json.string(count.label)
                json.endObject()
            }
            json.endArray()
        }
        json.beginObject()
        json.key("averageRating"); json.double(stats.averageRating)
        json.key("collections"); json.beginArray()
        for progress in stats.collections {
            json.beginObject()
            json.key("films"); json.int(progress.filmCount)
            json.key("slug"); json.string(progress.collection.slug)
            json.key("title"); json.string(progress.collection.title)
            json.key("watched"); json.int(progress.watchedCount)
            json.endObject()
        }
        json.endArray()
        json.key("filmsByDecade"); counts(stats.filmsByDecade)
        json.key("longestGap")
        if let gap = stats.longestGap {
            json.beginObject()
            json.key("days"); json.int(gap.days)
            json.key("from"); json.string(gap.from.iso)
            json.key("to"); json.string(gap.to.iso)
            json.endObject()
        } else {
            json.null()
        }
        json.key("mostRewatched"); json.beginArray()
        for film in stats.mostRewatched {
            json.beginObject()
            json.key("film"); json.string(film.film)
            json.key("viewings"); json.int(film.viewings)
            json.endObject()
        }
        json.endArray()
        json.key("ratings"); counts(stats.ratings)
        json.key("review"); review(stats.review, into: &json)
        json.key("viewings"); json.int(stats.viewings)
        json.key("viewingsByYear"); counts(stats.viewingsByYear)
        json.endObject()
        return Data(json.bytes)
    }

    /// The year in review of `stats --json`.
    static func review(_ review: YearInReview, into json: inout JSONWriter) {
        func ranked(_ entries: [YearInReview.Ranked]) {
            json.beginArray()
            for entry in entries {
                json.beginObject()
                json.key("averageRating"); json.double(entry.averageRating.map { ($0 * 100).rounded() / 100 })
                json.key("films"); json.int(entry.films)
                json.key("name"); json.string(entry.name)
                json.endObject()
            }
            json.endArray()
        }
        func film(_ watched: YearInReview.Watched?) {
            guard let watched else { return json.null() }
            json.beginObject()
            json.key("id"); json.int(watched.film.id)
            json.key("minutes"); json.int(watched.metadata.runtime)
            json.key("title"); json.string(watched.film.title)
            json.key("year"); json.int(watched.film.year)
            json.endObject()
        }
        json.beginObject()
        json.key("countries"); ranked(review.countries)
        json.key("directors"); ranked(review.directors)
        json.key("films"); json.int(review.films)
        json.key("filmsOfUnknownRuntime"); json.int(review.filmsOfUnknownRuntime)
        json.key("filmsWithCountries"); json.int(review.filmsWithCountries)
        json.key("filmsWithDirectors"); json.int(review.filmsWithDirectors)
        json.key("filmsWithGenres"); json.int(review.filmsWithGenres)
        json.key("genres"); ranked(review.genres)
        json.key("hours"); json.double((review.hours * 100).rounded() / 100)
        json.key("longest"); film(review.longest)
        json.key("minutes"); json.int(review.minutes)
        json.key("rewatchShare"); json.double(review.rewatchShare.map { ($0 * 1000).rounded() / 1000 })
        json.key("rewatches"); json.int(review.rewatches)
        json.key("shortest"); film(review.shortest)
        json.key("viewings"); json.int(review.viewings)
        json.key("viewingsOfUnknownRuntime"); json.int(review.viewingsOfUnknownRuntime)
        json.key("viewingsOnUnknownDays"); json.int(review.viewingsOnUnknownDays)
        json.key("year"); json.int(review.year)
        json.key("years"); json.beginArray()
        for year in review.byYear {
            json.beginObject()
            json.key("minutes"); json.int(year.minutes)
            json.key("viewings"); json.int(year.viewings)
            json.key("viewingsOfUnknownRuntime"); json.int(year.viewingsOfUnknownRuntime)
            json.key("year"); json.int(year.year)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// `import --json`: the import's report.
    public static func importReport(_ report: ImportReport) -> Data {
        var json = JSONWriter()
        func counts(_ counts: ImportReport.Counts) {
            json.beginObject()
            json.key("notes"); json.int(counts.notes)
            json.key("placeholders"); json.int(counts.placeholders)
            json.key("ratings"); json.int(counts.ratings)
            json.key("tags"); json.int(counts.tags)
            json.key("viewings"); json.int(counts.viewings)
            json.endObject()
        }
        func types(_ counts: [String: Int]) {
            json.beginObject()
            for (type, count) in counts.sorted(by: { $0.key < $1.key }) { json.key(type); json.int(count) }
            json.endObject()
        }
        json.beginObject()
        json.key("added"); counts(report.added)
        json.key("collectionsCreated"); json.strings(report.collectionsCreated)
        json.key("conflicts"); json.beginArray()
        for conflict in report.conflicts {
            json.beginObject()
            json.key("film"); json.string(conflict.film)
            json.key("kept"); json.string(conflict.importedWon ? "imported" : "ours")
            json.key("ours"); json.stars(conflict.ours)
            json.key("theirs"); json.stars(conflict.theirs)
            json.endObject()
        }
        json.endArray()
        json.key("dryRun"); json.bool(report.dryRun)
        json.key("files"); json.beginArray()
        for file in report.files {
            json.beginObject()
            json.key("kind"); json.string(file.kind)
            json.key("path"); json.string(file.path)
            json.key("rows"); json.int(file.rows)
            json.endObject()
        }
        json.endArray()
        json.key("films"); json.beginObject()
        json.key("created"); json.int(report.filmsCreated)
        json.key("factsChanged"); json.int(report.filmsWithNewFacts)
        json.key("matched"); json.int(report.filmsMatched)
        json.key("removed"); json.int(report.filmsRemoved)
        json.key("skipped"); json.int(report.skippedFilms.count)
        json.key("skippedTitles"); json.strings(report.skippedFilms)
        json.endObject()
        json.key("idsAdded"); json.int(report.idsAdded)
        json.key("ignoredFiles"); json.beginArray()
        for file in report.ignoredFiles {
            json.beginObject()
            json.key("path"); json.string(file.path)
            json.key("reason"); json.string(file.reason)
            json.endObject()
        }
        json.endArray()
        json.key("lists"); json.beginArray()
        for list in report.lists {
            json.beginObject()
            json.key("created"); json.bool(list.created)
            json.key("films"); json.int(list.films)
            json.key("missing"); json.strings(list.missing)
            json.key("slug"); json.string(list.slug)
            json.key("title"); json.string(list.title)
            json.endObject()
        }
        json.endArray()
        json.key("notesUpdated"); json.int(report.notesUpdated)
        json.key("placeholdersReplaced"); json.int(report.placeholdersReplaced)
        json.key("rows"); json.int(report.rows)
        json.key("skippedTitleTypes"); types(report.skippedTitleTypes)
        json.key("unchanged"); counts(report.unchanged)
        json.key("unknownTitleTypes"); types(report.unknownTitleTypes)
        json.key("warnings"); json.strings(report.warnings)
        json.endObject()
        return Data(json.bytes)
    }

    /// An array with one element a line: `[` then each element, then `]`.
    static func lines<Element>(_ elements: [Element], _ write: (Element, inout JSONWriter) -> Void) -> Data {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(elements.count * 160 + 4)
        for (index, element) in elements.enumerated() {
            var json = JSONWriter()
            write(element, &json)
            bytes.append(contentsOf: index == 0 ? [UInt8(ascii: "\n")] : [UInt8(ascii: ","), UInt8(ascii: "\n")])
            bytes.append(contentsOf: json.bytes)
        }
        bytes.append(contentsOf: elements.isEmpty ? [UInt8(ascii: "]")] : [UInt8(ascii: "\n"), UInt8(ascii: "]")])
        return Data(bytes)
    }
}

/// A top-level JSON array written as its elements come, one a line, to a TextOutput: the
/// same bytes as `JSONOutput`'s arrays (and the final newline every `--json` ends with),
/// in flat memory.
public struct JSONLines<Element> {
    private let output: TextOutput
    private let write: (Element, inout JSONWriter) -> Void
    private var count = 0

    init(_ output: TextOutput, write: @escaping (Element, inout JSONWriter) -> Void) throws {
        self.output = output
        self.write = write
        try output.write([UInt8(ascii: "[")])
    }

    public mutating func add(_ element: Element) throws {
        var json = JSONWriter()
        write(element, &json)
        try output.write(count == 0 ? [UInt8(ascii: "\n")] : [UInt8(ascii: ","), UInt8(ascii: "\n")])
        try output.write(json.bytes)
        count += 1
    }

    public func finish() throws {
        try output.write(count == 0 ? [UInt8(ascii: "]"), UInt8(ascii: "\n")] : [UInt8(ascii: "\n"), UInt8(ascii: "]"), UInt8(ascii: "\n")])
        try output.flush()
    }
}
