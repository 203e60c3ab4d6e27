import Foundation
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

/// A command that would change nothing is refused the same way by every command: the error
/// `nothingChanged` (exit 1), no history entry, and `undo` still reverts the last real change.
@Suite("no-ops are not changes")
struct NoOpTests {
    let watchlist: Watchlist
    init() throws {
        watchlist = try makeWatchlist()
        _ = try watchlist.rate("ascent", "4")
        _ = try watchlist.watch("ascent", on: .day("2024-01-01"))
        _ = try watchlist.tag("ascent", ["war"])
        _ = try watchlist.addNote("ascent", text: "Bleak.")
        _ = try watchlist.setFacts("ascent", FilmMetadata(runtime: 111))
        _ = try watchlist.rate("flight", "3")
    }

    /// Runs `change`, which must be a no-op, and checks everything it must leave as it was.
    private func refusedAsNoOp(_ what: String, _ change: (Watchlist) throws -> Void) throws {
        let history = try watchlist.history()
        let state = try visibleState(watchlist)
        #expect(throws: WatchlistError.self, "\(what)") {
            do { try change(watchlist) } catch let error as WatchlistError {
                guard case .nothingChanged(let reason) = error else { throw CancellationError() }
                #expect(error.errorDescription == reason + "; nothing was changed.")
                throw error
            }
        }
        #expect(try watchlist.history() == history, "\(what): no history entry")
        #expect(try visibleState(watchlist) == state)
        let undone = try watchlist.undo()
        #expect(undone.summary.contains("Flight"), "\(what): undo reverts the last real change, \(undone.summary)")
        #expect(try watchlist.show("flight").rating == nil)
    }

    @Test("rating with the same rating") func rate() throws {
        try refusedAsNoOp("rate") { _ = try $0.rate("ascent", "4") }
    }

    @Test("unrating a film with no rating") func unrate() throws {
        try refusedAsNoOp("unrate") { _ = try $0.unrate("red tent") }
    }

    @Test("watching the same film on the same day within the same second") func watch() throws {
        try refusedAsNoOp("watch") { _ = try $0.watch("ascent", on: .day("2024-01-01")) }
    }

    @Test("tagging with tags it already has") func tag() throws {
        try refusedAsNoOp("tag") { _ = try $0.tag("ascent", ["war"]) }
    }

    @Test("adding a note with the text of one it has") func note() throws {
        try refusedAsNoOp("note") { _ = try $0.addNote("ascent", text: "Bleak.") }
    }

    @Test("editing a note to its own text") func edit() throws {
        let id = try #require(try watchlist.notes(of: "ascent").first?.note.number)
        try refusedAsNoOp("note edit") { _ = try $0.editNote(number: id, text: "Bleak.") }
    }

    @Test("setting the facts a film has") func facts() throws {
        try refusedAsNoOp("film set") { _ = try $0.setFacts("ascent", FilmMetadata(runtime: 111)) }
    }

    @Test("a second viewing of the same day a second later is a rewatch, not a no-op")
    func rewatchLater() throws {
        _ = try watchlist.later(by: 1).watch("ascent", on: .day("2024-01-01"))
        #expect(try watchlist.show("ascent").viewings.count == 2)
    }

    @Test("the same rating given again after another is a change")
    func rateBack() throws {
        _ = try watchlist.rate("ascent", "3")
        let back = try watchlist.rate("ascent", "4")
        #expect(back.previous?.halfStars == 6)
    }
}
