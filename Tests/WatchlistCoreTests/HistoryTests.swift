import Foundation
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

@Suite("history and undo")
struct HistoryTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    @Test("every kind of change is recorded, and undo reverts each exactly, newest first")
    func undoEachKind() throws {
        var states = [try visibleState(watchlist)]
        let changes: [() throws -> Void] = [
            { _ = try watchlist.watch("ascent", on: .day(Day(iso: "2024-01-01")!)) },
            { _ = try watchlist.watch("ascent", on: .day(Day(iso: "2020-01-01")!)) },  // turns the first into a rewatch
            { _ = try watchlist.rate("ascent", "4") },
            { _ = try watchlist.rate("ascent", "5") },
            { _ = try watchlist.addNote("ascent", text: "one") },
            { _ = try watchlist.editNote(number: 1, text: "one, edited") },
            { _ = try watchlist.tag("ascent", ["a", "b"]) },
            { _ = try watchlist.untag("ascent", ["a"]) },
            { _ = try watchlist.unwatch("ascent", .all) },
            { _ = try watchlist.unrate("ascent") },
            { _ = try watchlist.deleteNote(number: 1) },
            { _ = try watchlist.importCollection(text: Array("X.\n\nStalker (1979)\nDescription: d\n".utf8), source: "x.txt", slug: "x", title: nil) },
            { _ = try watchlist.watch("stalker") },
            { _ = try watchlist.removeCollection("x", force: true) },
        ]
        for change in changes {
            try change()
            states.append(try visibleState(watchlist))
        }
        #expect(try watchlist.history().count == changes.count)
        for expected in states.dropLast().reversed() {
            _ = try watchlist.undo()
            #expect(try visibleState(watchlist) == expected)
        }
        #expect(throws: WatchlistError.nothingChanged("There is nothing to undo: no change is recorded")) { try watchlist.undo() }
        try watchlist.check()
    }

    @Test("undo reverts a whole import, films and collections created included")
    func undoImport() throws {
        _ = try watchlist.rate("ascent", "2")
        let before = try visibleState(watchlist)
        let folder = try Fixtures.folder(Fixtures.export)
        let report = try watchlist.importFiles([folder], options: ImportOptions(addMissing: true))
        #expect(report.filmsCreated > 0)
        let entry = try watchlist.typing("undo").undo()
        #expect(entry.summary.hasPrefix("Imported 6 files: "))
        #expect(try visibleState(watchlist) == before)
        #expect(try watchlist.search("stalker").isEmpty, "the search index follows")
    }

    @Test("history lists time, command and summary, newest first; refused and dry-run commands record nothing")
    func listing() throws {
        _ = try watchlist.typing("watch ascent").watch("ascent")
        #expect(throws: WatchlistError.self) { try watchlist.typing("rate nosuch 4").rate("nosuch", "4") }
        _ = try watchlist.importFiles([try Fixtures.folder(Fixtures.export)], options: ImportOptions(dryRun: true, addMissing: true))
        let history = try watchlist.history()
        #expect(history.count == 1)
        #expect(history[0].command == "watch ascent")
        #expect(history[0].summary == "Watched The Ascent (1977) on \(testToday)")
        #expect(history[0].at == "2026-11-26T12:00:00Z")
    }

    @Test("an import that adds nothing records nothing")
    func emptyImport() throws {
        let folder = try Fixtures.folder(Fixtures.export)
        _ = try watchlist.importFiles([folder], options: ImportOptions(addMissing: true))
        _ = try watchlist.importFiles([folder], options: ImportOptions(addMissing: true))
        #expect(try watchlist.history().count == 1)
    }

    @Test("only the last changes are kept")
    func limit() throws {
        for _ in 0..<(Watchlist.historyLimit + 5) { _ = try watchlist.tag("ascent", ["x"]); _ = try watchlist.untag("ascent", ["x"]) }
        #expect(try watchlist.history().count == Watchlist.historyLimit)
    }
}
