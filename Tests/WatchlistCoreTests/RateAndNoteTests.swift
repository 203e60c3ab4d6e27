import Foundation
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

@Suite("rate and unrate")
struct RateTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    @Test("a rating is set, replaced, and removed")
    func rateReplaceRemove() throws {
        let first = try watchlist.rate("ascent", "4½")
        #expect(first.rating.halfStars == 9)
        #expect(first.previous == nil)
        let second = try watchlist.rate("ascent", "8/10")
        #expect(second.rating.halfStars == 8)
        #expect(second.previous?.halfStars == 9)
        let detail = try watchlist.show("ascent")
        #expect(detail.rating?.value.halfStars == 8)
        #expect(detail.rating?.ratedAt == "2026-11-26T12:00:00Z")
        #expect(try watchlist.unrate("ascent").removed.halfStars == 8)
        #expect(try watchlist.show("ascent").rating == nil)
    }

    @Test("bad ratings are refused with what is accepted, and change nothing", arguments: ["0", "5.5", "4.25", "abc"])
    func refused(text: String) throws {
        _ = try watchlist.rate("ascent", "3")
        let before = try visibleState(watchlist)
        // A rating is parsed before it reaches the service: text that is none never does.
        #expect(StarRating(parsing: text) == nil)
        #expect(WatchlistError.invalidRating(text).localizedDescription.contains("0.5 to 5 in steps of 0.5"))
        #expect(try visibleState(watchlist) == before)
    }

    @Test("unrate of an unrated film fails")
    func unrateNothing() {
        #expect(throws: WatchlistError.nothingChanged("The Ascent (1977) has no rating to remove")) {
            try watchlist.unrate("ascent")
        }
    }
}

@Suite("notes")
struct NoteTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    @Test("notes are added, listed, edited and deleted, many per film")
    func lifecycle() throws {
        let first = try watchlist.addNote("ascent", text: "  Bleak and beautiful.\n")
        #expect(first.note.text == "Bleak and beautiful.")
        let second = try watchlist.addNote("ascent", text: "Second thoughts:\n\nstill great")
        let other = try watchlist.addNote("red tent", text: "Connery!")
        #expect(try watchlist.notes(of: nil).map(\.note.number) == [first.note.number, second.note.number, other.note.number])
        #expect(try watchlist.notes(of: "ascent").map(\.note.text) == ["Bleak and beautiful.", "Second thoughts:\n\nstill great"])
        let edited = try watchlist.editNote(number: first.note.number, text: "Bleak.")
        #expect(edited.note.text == "Bleak.")
        #expect(edited.film.title == "The Ascent")
        #expect(try watchlist.deleteNote(number: second.note.number).note.text == "Second thoughts:\n\nstill great")
        #expect(try watchlist.show("ascent").notes.map(\.text) == ["Bleak."])
    }

    @Test("a deleted note's id is never given again")
    func idsAreNotReused() throws {
        let first = try watchlist.addNote("ascent", text: "one")
        _ = try watchlist.deleteNote(number: first.note.number)
        let second = try watchlist.addNote("ascent", text: "two")
        #expect(second.note.number > first.note.number)
    }

    @Test("empty, blank, NUL-holding and overlong notes are refused and change nothing")
    func refused() throws {
        let note = try watchlist.addNote("ascent", text: "kept")
        let before = try visibleState(watchlist)
        #expect(throws: WatchlistError.emptyNote) { try watchlist.addNote("ascent", text: NoteText(String())) }
        #expect(throws: WatchlistError.emptyNote) { try watchlist.addNote("ascent", text: NoteText(String(" \n\t "))) }
        #expect(throws: WatchlistError.emptyNote) { try watchlist.editNote(number: note.note.number, text: NoteText(String(repeating: " ", count: 2))) }
        #expect(throws: WatchlistError.invalidText(what: "note", problem: "holds a NUL byte")) {
            try watchlist.addNote("ascent", text: NoteText(String(decoding: [0x61, 0, 0x62], as: UTF8.self)))
        }
        let long = String(repeating: "x", count: InputText.maximumNoteLength + 1)
        #expect(throws: WatchlistError.textTooLong(what: "note", length: long.count, limit: InputText.maximumNoteLength)) {
            try watchlist.addNote("ascent", text: NoteText(long))
        }
        #expect(try visibleState(watchlist) == before)
    }

    @Test("editing or deleting a note that does not exist fails")
    func missing() {
        #expect(throws: WatchlistError.noteNotFound(id: 99)) { try watchlist.editNote(number: 99, text: "x") }
        #expect(throws: WatchlistError.noteNotFound(id: 99)) { try watchlist.deleteNote(number: 99) }
    }

    @Test("text from a file or stdin must be UTF-8 without NUL")
    func decoding() throws {
        #expect(try InputText.decode(Array("héllo".utf8), source: "stdin") == "héllo")
        #expect(throws: WatchlistError.invalidText(what: "stdin", problem: "is not valid UTF-8")) {
            try InputText.decode([0x68, 0xE9, 0x6C], source: "stdin")
        }
        #expect(throws: WatchlistError.invalidText(what: "stdin", problem: "holds a NUL byte")) {
            try InputText.decode([0x68, 0, 0x6C], source: "stdin")
        }
    }
}
