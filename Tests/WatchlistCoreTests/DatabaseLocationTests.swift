import Testing
@testable import WatchlistCore

@Suite("database location")
struct DatabaseLocationTests {
    @Test("the database location follows --db, WATCHLIST_DB, XDG_DATA_HOME, then HOME")
    func location() throws {
        #expect(try DatabaseLocation.resolve(explicit: "/x/db", environment: ["WATCHLIST_DB": "/y"]) == "/x/db")
        #expect(try DatabaseLocation.resolve(explicit: nil, environment: ["WATCHLIST_DB": "/y", "XDG_DATA_HOME": "/d"]) == "/y")
        #expect(try DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/watchlist/watchlist.sqlite")
        #expect(try DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]) == "/h/.local/share/watchlist/watchlist.sqlite")
        #expect(try DatabaseLocation.resolve(explicit: nil, environment: ["WATCHLIST_DB": "", "HOME": "/h"]) == "/h/.local/share/watchlist/watchlist.sqlite")
        #expect(throws: WatchlistError.self) { try DatabaseLocation.resolve(explicit: "", environment: [:]) }
        #expect(throws: WatchlistError.self) { try DatabaseLocation.resolve(explicit: nil, environment: [:]) }
    }
}
