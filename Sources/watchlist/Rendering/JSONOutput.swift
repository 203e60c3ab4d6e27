import Foundation
import WatchlistCore

/// What every `--json` prints: one JSON document, compact, keys in sorted order, camelCase;
/// a top-level array has one element a line. These shapes are the contract; they do not move
/// when the model does.
enum JSONOutput {
    /// `show --json`: one film, shaped like a film of the export document.
    static func film(_ detail: FilmDetail) -> Data {
        var json = JSONWriter()
        JSONDocument.write(detail, into: &json)
        return Data(json.bytes)
    }

    /// `list --json`: film summaries.
    static func summaries(_ summaries: [FilmSummary]) -> Data {
        lines(summaries) { summary($0, into: &$1) }
    }

    /// `list --json` written as the films come.
    static func summaryLines(to output: TextOutput) throws -> JSONLines<FilmSummary> {
        try JSONLines(output) { summary($0, into: &$1) }
    }

    /// One element of `list --json`.
    static func summary(_ summary: FilmSummary, into json: inout JSONWriter) {
            json.beginObject()
            JSONDocument.writeShownLists(summary.metadata, into: &json)
            json.key("id"); json.int(summary.film.number)
            json.key("ids"); JSONDocument.write(summary.ids, into: &json)
            json.key("key"); json.string(String(summary.film.id))
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
    static func collections(_ collections: [CollectionProgress]) -> Data {
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
    static func notes(_ notes: [FilmNote]) -> Data {
        lines(notes) { item, json in
            json.beginObject()
            json.key("createdAt"); json.string(item.note.createdAt)
            json.key("film"); json.string(item.film.titleWithYear)
            json.key("filmId"); json.int(item.film.number)
            json.key("filmKey"); json.string(String(item.film.id))
            json.key("id"); json.int(item.note.number)
            json.key("key"); json.string(String(item.note.id))
            json.key("source"); json.string(item.note.source)
            json.key("text"); json.string(item.note.text)
            json.key("updatedAt"); json.string(item.note.updatedAt)
            json.endObject()
        }
    }

    /// `search --json`: the matches, best first.
    static func searchHits(_ hits: [SearchHit]) -> Data {
        lines(hits) { hit, json in
            json.beginObject()
            JSONDocument.writeShownLists(hit.metadata, into: &json)
            json.key("id"); json.int(hit.film.number)
            json.key("ids"); JSONDocument.write(hit.ids, into: &json)
            json.key("key"); json.string(String(hit.film.id))
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
    static func history(_ entries: [HistoryEntry]) -> Data {
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
struct JSONLines<Element> {
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
