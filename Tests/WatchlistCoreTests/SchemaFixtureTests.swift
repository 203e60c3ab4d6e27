import Foundation
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

/// Tests/Fixtures/schema-vN.sqlite: a database as each shipped schema version left it, made by
/// scripts/make-schema-fixtures.py from Schema/.
@Suite("schema fixtures")
struct SchemaFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures").standardized.path

    @Test("there is a fixture for every shipped schema version")
    func everyVersion() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: SchemaFixtureTests.fixtures).filter { $0.hasSuffix(".sqlite") }
        #expect(Set(names) == Set((1...SchemaMigrations.all.count).map { "schema-v\($0).sqlite" }))
    }

    @Test("each version's database opens, migrates to the current schema, and keeps everything", arguments: 1...SchemaMigrations.all.count)
    func migrates(version: Int) throws {
        let folder = try temporaryFolder()
        let path = folder + "/w.sqlite"
        try FileManager.default.copyItem(atPath: SchemaFixtureTests.fixtures + "/schema-v\(version).sqlite", toPath: path)
        let watchlist = try Watchlist.open(path: path, clock: .fixed(testNow))
        #expect(try watchlist.database.textRows("SELECT identifier FROM grdb_migrations ORDER BY rowid") == SchemaMigrations.all.map(\.identifier))
        try watchlist.check()
        let ascent = try watchlist.show("ascent")
        #expect(ascent.viewings.map(\.watchedOn) == ["2020-01-01", "2021-02-02"])
        #expect(ascent.viewings.map(\.rewatch) == [false, true])
        #expect(ascent.rating?.value.halfStars == 9)
        #expect(ascent.notes.map(\.text) == ["Written by schema version \(version)."])
        #expect(ascent.tags == (version >= 2 ? ["winter"] : []))
        #expect(try watchlist.show("red tent").viewings.map(\.watchedOn) == [nil])
        if version >= 5 {
            #expect(ascent.ids == FilmIdentifiers(imdb: "tt0075404"))
            #expect(try watchlist.resolve("voskhozhdenie").id == 1, "found by its other title")
            #expect(try watchlist.show("star").viewings.map(\.placeholder) == [true])
        }
        #expect(try watchlist.list().count == 10)
        // The search index holds what was there before it existed.
        #expect(try watchlist.search("written schema").map(\.film.title) == ["The Ascent"])
        #expect(try watchlist.search("winter").map(\.film.title).contains("The Ascent"))
        // The migrated database takes every kind of change.
        _ = try watchlist.tag("red tent", ["arctic"])
        _ = try watchlist.watch("alive", on: .day(Day(iso: "2024-01-01")!))
        try watchlist.check()
    }
}
