import Foundation
import GRDB
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

/// Nothing read from a file is trusted: a database handed over, an export, a document. Each
/// refusal leaves the database byte for byte as it was.
@Suite("trusting nothing from a file")
struct TrustTests {
    let folder: String
    let path: String
    let watchlist: Watchlist

    init() throws {
        folder = try temporaryFolder()
        path = folder + "/w.sqlite"
        watchlist = try Watchlist.open(path: path, clock: .fixed(testNow))
        _ = try watchlist.watch("ascent", on: .day("2024-01-01"))
        _ = try watchlist.rate("ascent", "4")
    }

    func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Runs SQL on the file as another program would, with the schema's CHECKs off.
    func tamper(_ file: String, _ statements: String...) throws {
        let queue = try DatabaseQueue(path: file)
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            for statement in statements { try db.execute(sql: statement) }
        }
        try queue.close()
    }

    // MARK: 1. Limits in characters, no swallowed constraint

    @Test("a tag of 100 code points in NFC is kept: 100 × e + accent (one code point each once composed), 20 families of 5")
    func tagsInCodePoints() throws {
        let accented = String(repeating: "e\u{301}", count: 100)
        let families = String(repeating: "👨‍👩‍👧", count: 20)
        let result = try watchlist.tag("ascent", [Tag(accented), Tag(families)])
        #expect(result.added.count == 2)
        #expect(Set(try watchlist.show("ascent").tags) == [accented.precomposedStringWithCanonicalMapping, families])
        #expect(try watchlist.show("ascent").tags.contains { $0.unicodeScalars.count == 100 && $0.hasPrefix("\u{E9}") })
        #expect(try watchlist.list(FilmListQuery(tag: Tag(families))).map(\.film.title) == ["The Ascent"])
    }

    @Test("a tag over 100 code points is refused and nothing changes: 101 letters, 21 families, 100 letters with 10 accents each")
    func tagOverLimits() throws {
        let before = try bytes()
        #expect(throws: WatchlistError.invalidTag(String(repeating: "x", count: 40) + "…", reason: "it is 101 code points long")) {
            try watchlist.tag("ascent", [Tag(String(repeating: "x", count: 101))])
        }
        let families = String(repeating: "👨‍👩‍👧", count: 21)
        #expect(throws: WatchlistError.invalidTag(String(families.prefix(40)) + "…", reason: "it is 105 code points long")) {
            try watchlist.tag("ascent", [Tag(families)])
        }
        let heavy = String(repeating: "e" + String(repeating: "\u{301}", count: 10), count: 100)
        #expect(throws: WatchlistError.invalidTag(String(heavy.prefix(40)) + "…", reason: "it is 1100 code points long")) {
            try watchlist.tag("ascent", [Tag(heavy)])
        }
        #expect(try bytes() == before)
    }

    @Test("the same tags arrive from a Letterboxd Tags column and from a document; one over the limit is refused with its line")
    func tagsFromFiles() throws {
        let accented = String(repeating: "e\u{301}", count: 100)
        let diary = try Fixtures.folder(["diary.csv": Fixtures.diaryHeader + "\n2024-01-02,The Ascent,1977,https://boxd.it/t1,4,,\"\(accented)\",2024-01-01\n"])
        let report = try watchlist.importFiles([diary + "/diary.csv"])
        #expect(report.added.tags == 1)
        #expect(try watchlist.show("ascent").tags == [accented.precomposedStringWithCanonicalMapping])
        let families = String(repeating: "👨‍👩‍👧", count: 20)
        let document = try Fixtures.folder(["doc.json": #"{"format":"watchlist","version":2,"films":[{"title":"The Ascent","year":1977,"tags":[""# + families + #""]}]}"#])
        #expect(try watchlist.importFiles([document + "/doc.json"]).added.tags == 1)
        let before = try bytes()
        let long = try Fixtures.folder(["diary.csv": Fixtures.diaryHeader + "\n2024-01-02,The Ascent,1977,https://boxd.it/t1,4,,\(String(repeating: "y", count: 101)),2024-01-01\n"])
        #expect {
            try watchlist.importFiles([long + "/diary.csv"])
        } throws: { error in
            guard case WatchlistError.malformedFile(_, let line, let problem) = error else { return false }
            return line == 2 && problem.contains("in Tags is not a tag")
        }
        #expect(try bytes() == before)
    }

    @Test("no statement in Sources swallows a constraint failure: no INSERT OR IGNORE, no OR REPLACE")
    func noSwallowedConstraints() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50, "the sources were found")
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOfFile: sources.path + "/" + file, encoding: .utf8)
            if text.range(of: #"\bOR\s+(IGNORE|REPLACE)\b"#, options: [.regularExpression, .caseInsensitive]) != nil { offenders.append(file) }
        }
        #expect(offenders == [])
    }

    // MARK: 2. Undo runs nothing from the file; the schema is exactly watchlist's

    @Test("a database with foreign SQL (a trigger, a view, a changed index, a history of statements) is refused by restore with 74, and by open",
          arguments: ["trigger", "view", "changedTrigger", "statementLog"])
    func foreignSQL(kind: String) throws {
        let crafted = folder + "/crafted.sqlite"
        try watchlist.backup(to: crafted, force: false)
        switch kind {
        case "trigger":
            try tamper(crafted, "CREATE TRIGGER evil AFTER INSERT ON viewing BEGIN DELETE FROM film; END")
        case "view":
            try tamper(crafted, "CREATE VIEW evil AS SELECT * FROM film")
        case "changedTrigger":
            try tamper(crafted, "DROP INDEX viewing_watchedOn", "CREATE INDEX viewing_watchedOn ON viewing (loggedAt)")
        default:
            try tamper(crafted, "DROP TABLE historyChange",
                       "CREATE TABLE historyChange (historyId INTEGER NOT NULL, part INTEGER NOT NULL, changeset TEXT NOT NULL)",
                       "INSERT INTO historyChange (historyId, part, changeset) SELECT max(id), 0, 'DELETE FROM viewing' FROM history")
        }
        let before = try bytes()
        let craftedBytes = try Data(contentsOf: URL(fileURLWithPath: crafted))
        #expect {
            _ = try watchlist.restore(from: crafted)
        } throws: { error in
            guard case WatchlistError.notADatabase(let errorPath, let reason) = error else { return false }
            return errorPath == crafted && reason.hasPrefix("its schema is not watchlist's, or it was altered")
        }
        #expect(try bytes() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("before-restore") }.isEmpty)
        #expect {
            _ = try Watchlist.open(path: crafted, clock: .fixed(testNow))
        } throws: { error in
            guard case WatchlistError.notADatabase = error else { return false }
            return true
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: crafted)) == craftedBytes, "opening it changed nothing")
    }

    /// A changeset made by `sql` on a copy of the database, which never touches the database.
    func crafted(_ sql: String..., tables: [String] = Changeset.sharedTables) throws -> Changeset {
        let copy = folder + "/craft-\(UUID().uuidString).sqlite"
        try watchlist.backup(to: copy, force: false)
        let queue = try DatabaseQueue(path: copy)
        defer { try? queue.close() }
        return try queue.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            return try Changeset.record(Store(db), tables: tables) { for statement in sql { try db.execute(sql: statement) } }.1
        }
    }

    /// Puts `changeset` in place of the latest entry's, as another program would.
    func plant(_ changeset: Changeset) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE historyChange SET changeset = ? WHERE historyId = (SELECT max(id) FROM history)",
                           arguments: [Data(changeset.bytes)])
        }
        try queue.close()
    }

    @Test("SQL written into a stored changeset's values is data: undo puts it back as text, and runs nothing")
    func sqlInChangesetValues() throws {
        _ = try watchlist.addNote("ascent", text: "first")
        _ = try watchlist.editNote(number: 1, text: "second")
        // What the planted changeset says was before: the same note with other text.
        try plant(try crafted("UPDATE note SET text = 'x''); DROP TABLE film; --' WHERE id = \(noteKey(1))").inverted())
        _ = try watchlist.undo()
        #expect(try watchlist.show("ascent").notes.map(\.text) == ["x'); DROP TABLE film; --"])
        #expect(try watchlist.list().count == 10)
        try watchlist.check()
    }

    @Test("a stored changeset that is damaged, truncated, names another table, or breaks a CHECK is damage: 74 naming it, and nothing changes",
          arguments: ["truncated", "garbage", "otherTable", "check"])
    func damagedChangeset(kind: String) throws {
        _ = try watchlist.rate("ascent", "5")
        let queue = try DatabaseQueue(path: path)
        let stored = try queue.read { db in try Data.fetchOne(db, sql: "SELECT changeset FROM historyChange ORDER BY historyId DESC LIMIT 1") }
        try queue.close()
        let original = try #require(stored)
        switch kind {
        case "truncated": try plant(Changeset(bytes: Array(original.prefix(original.count - 3))))
        case "garbage": try plant(Changeset(bytes: Array("DELETE FROM viewing; -- not a changeset".utf8)))
        case "otherTable":
            try plant(try crafted("INSERT INTO history (at, command, summary) VALUES ('2026-01-01T00:00:00Z', 'x', 'y')", tables: ["history"]))
        default:
            // Its inverse would put back a rating of 11 half stars.
            try plant(try crafted("UPDATE rating SET halfStars = 11 WHERE filmId = \(filmKey(1))").inverted())
        }
        let before = try bytes()
        #expect {
            _ = try watchlist.undo()
        } throws: { error in
            guard case WatchlistError.databaseDamaged(_, let problems) = error else { return false }
            return problems.count == 1 && problems[0].hasPrefix("historyChange row ") && problems[0].contains("part 0 of its changeset")
        }
        #expect(try bytes() == before)
        #expect(try watchlist.show("ascent").rating?.value.halfStars == 10)
    }

    @Test("a stored changeset whose rows were changed since, outside the history, is not undone: 1, naming the row, and nothing changes")
    func changedSince() throws {
        _ = try watchlist.rate("ascent", "5")
        try tamper(path, "UPDATE rating SET halfStars = 6 WHERE filmId = \(filmKey(1))")
        let before = try bytes()
        #expect {
            _ = try watchlist.undo()
        } throws: { error in
            guard case WatchlistError.nothingChanged(let message) = error else { return false }
            return message.contains("cannot be undone exactly: since it was made, the rating row \(try! watchlist.key(filmKey(1))) holds other values than it expects")
        }
        #expect(try bytes() == before)
    }

    @Test("a restore is in the history; undo puts the previous content back; restoring the database onto itself is refused at once")
    func restoreInHistory() throws {
        let backup = folder + "/b.sqlite"
        try watchlist.backup(to: backup, force: false)
        _ = try watchlist.watch("red tent")
        let changed = try visibleState(watchlist)
        _ = try watchlist.restore(from: backup)
        #expect(try watchlist.history().first?.summary == "Restored the database from \(backup)")
        #expect(try watchlist.undo().summary == "Restored the database from \(backup)")
        #expect(try visibleState(watchlist) == changed)
        let before = try bytes()
        let started = Date()
        #expect(throws: WatchlistError.invalidArgument("\(path) is the database itself; restore another file.")) {
            _ = try watchlist.restore(from: path)
        }
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(try bytes() == before)
    }

    // MARK: 4. Damaged values fail with 74 naming the row, never a crash

    @Test("a rating of 11 half stars: show, rate, unrate and stats fail with 74 naming the row; db check lists it")
    func damagedRating() throws {
        try tamper(path, "UPDATE rating SET halfStars = 11 WHERE filmId = \(filmKey(1))")
        let before = try bytes()
        let named = { (error: Error) -> Bool in
            guard case WatchlistError.databaseDamaged(_, let problems) = error else { return false }
            return problems == ["rating row \(try! watchlist.key(filmKey(1))): 11 half stars is not a rating from 1 to 10"]
        }
        #expect(performing: { _ = try watchlist.show("ascent") }, throws: named)
        #expect(performing: { _ = try watchlist.rate("ascent", "3") }, throws: named)
        #expect(performing: { _ = try watchlist.unrate("ascent") }, throws: named)
        #expect(performing: { _ = try watchlist.stats() }, throws: { error in
            guard case WatchlistError.databaseDamaged(_, let problems) = error else { return false }
            return problems == ["rating row 0: 1 rating of 11 half stars, not 1 to 10"]
        })
        #expect(performing: { try watchlist.check() }, throws: { error in
            guard case WatchlistError.databaseDamaged(_, let problems) = error else { return false }
            // SQLite's integrity_check reports the CHECK too, without the row.
            return problems.contains("rating row \(try! watchlist.key(filmKey(1))): the rating is not 1 to 10 half stars")
        })
        #expect(try bytes() == before)
    }

    @Test("export of a database with bad rows writes the rest and names what it left out", arguments: ExportFormat.allCases)
    func exportLeavesOut(format: ExportFormat) throws {
        _ = try watchlist.rate("red tent", "3")
        try tamper(path, "UPDATE rating SET halfStars = 11 WHERE filmId = \(filmKey(1))",
                   "UPDATE viewing SET watchedOn = 'someday' WHERE filmId = \(filmKey(1))")
        let output = folder + "/export"
        let leftOut = try watchlist.export(format, toFile: output, force: false)
        let viewing = try watchlist.key("SELECT id FROM viewing WHERE filmId = \(filmKey(1))"), rating = try watchlist.key(filmKey(1))
        #expect(leftOut == ["viewing row \(viewing): 'someday' is not a day", "rating row \(rating): 11 half stars is not a rating from 1 to 10"])
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("The Red Tent"))
        if format == .json {
            let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            let films = document["films"] as! [[String: Any]]
            #expect(films.count == 10)
            #expect(films[0]["rating"] is NSNull)
            #expect((films[0]["viewings"] as! [Any]).isEmpty)
        }
    }

    @Test("a value of another type than its column (a file edited byte by byte) is 74 naming it, not a trap")
    func wrongType() throws {
        // STRICT refuses it; to make such a file, the table is made non-STRICT for the write,
        // then its schema is put back as it was.
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_master SET sql = replace(sql, ') STRICT', ')') WHERE name = 'film'")
        }
        try queue.close()
        let second = try watchlist.key(filmKey(2))
        try tamper(path, "UPDATE film SET title = x'00ff' WHERE id = \(second)")
        let restored = try DatabaseQueue(path: path)
        try restored.inDatabase { db in
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_master SET sql = sql || ' STRICT' WHERE name = 'film'")
        }
        try restored.close()
        let damaged = try Watchlist.open(path: path, clock: .fixed(testNow))
        #expect(performing: { _ = try damaged.list() }, throws: { error in
            guard case WatchlistError.databaseDamaged(_, let problems) = error else { return false }
            return problems == ["film row \(second): title holds a blob, not text"]
        })
        #expect(performing: { try damaged.check() }, throws: { error in
            guard case WatchlistError.databaseDamaged = error else { return false }
            return true
        })
    }

    // MARK: 5. db check sees a damaged schema

    @Test("db check names a dropped table; every other command refuses the database with 74", arguments: ["note", "filmSearch"])
    func droppedTable(table: String) throws {
        try tamper(path, "DROP TABLE \(table)")
        let damaged = try Watchlist.open(path: path, clock: .fixed(testNow), schemaCheck: .report)
        #expect(performing: { try damaged.check() }, throws: { error in
            guard case WatchlistError.databaseDamaged(_, let problems) = error else { return false }
            return problems.contains("the table \(table) is missing")
        })
        #expect(performing: { _ = try Watchlist.open(path: path, clock: .fixed(testNow)) }, throws: { error in
            guard case WatchlistError.notADatabase(_, let reason) = error else { return false }
            return reason.contains("the table \(table) is missing")
        })
    }

    // MARK: 7. References

    @Test("a number is an id only when it is all digits; a part of a title has a letter, two characters, and starts a word",
          arguments: ["#3", "-1", "+1", "1.", "(1)", "-5", "1953", "ent", "e"])
    func references(reference: String) throws {
        #expect(performing: { _ = try watchlist.resolve(reference) }, throws: { error in
            guard case WatchlistError.filmNotFound(let query, _) = error else { return false }
            return query == reference
        })
    }

    @Test("a part of a title still names its film from the start of a word")
    func partsOfTitles() throws {
        #expect(try watchlist.resolve("3").title == "The Dawns Here Are Quiet")
        #expect(try watchlist.resolve("tent").title == "The Red Tent")
        #expect(try watchlist.resolve("summer of 19").title == "The Cold Summer of 1953")
        #expect(throws: WatchlistError.filmNotFound(query: "1953", suggestions: ["The Cold Summer of 1953 (1988)"])) {
            try watchlist.resolve("1953")
        }
    }

    // MARK: 8. Dates from files

    @Test("a rating dated in the future (left by an older version) loses to any dated import")
    func futureRatingLoses() throws {
        try tamper(path, "UPDATE rating SET ratedAt = '2099-01-01T00:00:00Z' WHERE filmId = \(filmKey(1))")
        let ratings = try Fixtures.folder(["ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n2025-06-01,The Ascent,1977,https://boxd.it/fAs,2\n"])
        let report = try watchlist.importFiles([ratings + "/ratings.csv"])
        #expect(report.conflicts.map(\.importedWon) == [true])
        #expect(try watchlist.show("ascent").rating?.value.decimal == "2")
    }

    @Test("a date in the future in a file is refused with its place", arguments: [
        ("ratings.csv", "Date,Name,Year,Letterboxd URI,Rating\n2099-06-01,The Ascent,1977,https://boxd.it/fAs,2\n", "line 2: 2099-06-01 in Date is in the future"),
        ("doc.json", #"{"format":"watchlist","version":2,"films":[{"title":"X","rating":2,"ratedAt":"2099-01-01T00:00:00Z"}]}"#, "films[0].ratedAt 2099-01-01T00:00:00Z is in the future"),
        ("doc.json", #"{"format":"watchlist","version":2,"films":[{"title":"X","viewings":[{"date":"2099-01-01"}]}]}"#, "films[0].viewings[0].date 2099-01-01 is in the future"),
    ])
    func futureDates(file: String, content: String, message: String) throws {
        let before = try bytes()
        let input = try Fixtures.folder([file: content])
        #expect(performing: { try watchlist.importFiles([input + "/" + file]) }, throws: { isMalformedInput($0, containing: message) })
        #expect(try bytes() == before)
    }

    // MARK: 9. The smaller ones

    @Test("documents: 100,000 levels deep, a version of 1e400 or 0, no films: each refused with what is wrong", arguments: [
        (#"{"format":"watchlist","version":2,"films":[],"x":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}",
         "the JSON nests arrays and objects more than 64 levels deep"),
        (#"{"format":"watchlist","version":1e400,"films":[]}"#, "its version is a number beyond any version, which is no watchlist document's version (1 to 6)"),
        (#"{"format":"watchlist","version":0,"films":[]}"#, "its version is 0, which is no watchlist document's version (1 to 6)"),
        (#"{"format":"watchlist","version":2,"collections":[]}"#, "films is missing"),
    ])
    func documents(content: String, message: String) throws {
        let before = try bytes()
        let input = try Fixtures.folder(["doc.json": content])
        #expect(performing: { try watchlist.importFiles([input + "/doc.json"]) }, throws: { error in
            isMalformedInput(error, containing: message) && !error.localizedDescription.contains("Upgrade")
        })
        #expect(try bytes() == before)
    }

    @Test("a search of more than 500 characters is too long, and says so")
    func longSearch() throws {
        #expect(throws: WatchlistError.textTooLong(what: "search", length: 501, limit: 500)) {
            try watchlist.search(String(repeating: "a", count: 501))
        }
    }

    @Test("a note of 100,000 code points is within the limit (20,000 family emoji of 5), one more emoji is not")
    func emojiNote() throws {
        let text = String(repeating: "👨‍👩‍👧", count: 20_000)
        _ = try watchlist.addNote("ascent", text: NoteText(text))
        #expect(try watchlist.show("ascent").notes.first?.text == text)
        #expect(throws: WatchlistError.textTooLong(what: "note", length: 100_005, limit: 100_000)) {
            try watchlist.addNote("ascent", text: NoteText(text + "👨‍👩‍👧"))
        }
    }

    @Test("a viewing on an unknown day after a dated one is the first: the dated one becomes the rewatch")
    func unknownDayFirst() throws {
        let viewing = try watchlist.watch("ascent", on: .unknown).viewing
        #expect(!viewing.rewatch)
        let viewings = try watchlist.show("ascent").viewings
        #expect(viewings.map(\.watchedOn) == [nil, "2024-01-01"])
        #expect(viewings.map(\.rewatch) == [false, true])
        #expect(try watchlist.later(by: 1).watch("ascent", on: .unknown).viewing.rewatch, "a second unknown day follows the first")
    }
}
