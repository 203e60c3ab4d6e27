import CSV
import Foundation
import Testing
@testable import WatchlistCore
import WatchlistModel

/// IMDb's dataset files read as a stream: rows as IMDb writes them (tabs, `\N`, comma lists, no
/// quoting), plain or gzipped, with every hostile value bounded and named by its line.
@Suite("IMDb dataset files, streamed")
struct IMDbDatasetFileTests {
    static let basicsHeader = IMDbDataset.titleBasics.columns.joined(separator: "\t")

    /// Writes `text` to a file; gzipped (by gzip itself) when `gzip`.
    static func file(_ name: String, _ text: String, gzip: Bool = false) throws -> String {
        let path = try temporaryFolder() + "/" + UUID().uuidString + "-" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        guard gzip else { return path }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", "-f", path]
        try process.run()
        process.waitUntilExit()
        return path + ".gz"
    }

    static func titles(_ path: String) throws -> (titles: [IMDbTitle], file: IMDbDatasetFile) {
        var file = IMDbDatasetFile(path: path)
        var titles: [IMDbTitle] = []
        try file.read { dataset, fields, _, problems in
            #expect(dataset == .titleBasics)
            do { titles.append(try IMDbDatasetRow.title(fields, problems: &problems)) } catch let problem as IMDbDatasetRow.Problem { problems.append(problem.text) }
        }
        return (titles, file)
    }

    static let rows = [
        "tt0075404\tmovie\tThe Ascent\tVoskhozhdenie\t0\t1977\t\\N\t111\tDrama,War",
        "tt0079944\tmovie\tStalker\tStalker\t0\t1979\t\\N\t162\tDrama,Sci-Fi",
        "tt0000009\tshort\tMiss Jerry\tMiss Jerry\t0\t1894\t\\N\t\\N\t\\N",
    ]

    @Test("the same rows from a plain file and from its gzip: values as IMDb means them, \\N as nothing")
    func plainAndGzip() throws {
        let text = ([IMDbDatasetFileTests.basicsHeader] + IMDbDatasetFileTests.rows).joined(separator: "\n") + "\n"
        let plain = try IMDbDatasetFileTests.titles(try IMDbDatasetFileTests.file("title.basics.tsv", text))
        let packed = try IMDbDatasetFileTests.titles(try IMDbDatasetFileTests.file("title.basics.tsv", text, gzip: true))
        #expect(plain.titles == packed.titles)
        #expect(plain.titles.count == 3 && plain.file.problemCount == 0)
        #expect(plain.titles[0] == IMDbTitle(id: "tt0075404", type: "movie", primaryTitle: "The Ascent", originalTitle: "Voskhozhdenie",
                                             year: 1977, runtime: 111, genres: ["Drama", "War"]))
        #expect(plain.titles[2].runtime == nil && plain.titles[2].genres.isEmpty)
    }

    @Test("two gzip members one after another are one file (as `cat a.gz b.gz` makes)")
    func concatenatedMembers() throws {
        let first = try Data(contentsOf: URL(fileURLWithPath: try IMDbDatasetFileTests.file("a", IMDbDatasetFileTests.basicsHeader + "\n" + IMDbDatasetFileTests.rows[0] + "\n", gzip: true)))
        let second = try Data(contentsOf: URL(fileURLWithPath: try IMDbDatasetFileTests.file("b", IMDbDatasetFileTests.rows[1] + "\n", gzip: true)))
        let path = try temporaryFolder() + "/both-" + UUID().uuidString + ".tsv.gz"
        try (first + second).write(to: URL(fileURLWithPath: path))
        #expect(try IMDbDatasetFileTests.titles(path).titles.map(\.primaryTitle) == ["The Ascent", "Stalker"])
    }

    @Test("hostile values are left out and named by line: a 3 MB line, a runtime of 10^18, 10,000 genres, escape codes, a broken id")
    func hostileValues() throws {
        let lines = [
            IMDbDatasetFileTests.basicsHeader,
            "tt0000001\tmovie\t" + String(repeating: "x", count: 3_000_000) + "\tx\t0\t1900\t\\N\t1\tDrama",
            "tt0000002\tmovie\tLong\tLong\t0\t1977\t\\N\t1000000000000000000\tDrama",
            "tt0000003\tmovie\tMany\tMany\t0\t1977\t\\N\t90\t" + (1...10_000).map { "G\($0)" }.joined(separator: ","),
            "tt0000004\tmovie\tEsc\u{1B}[31mape\tEscape\t0\t1977\t\\N\t90\tDrama",
            "xx0000005\tmovie\tBroken\tBroken\t0\t1977\t\\N\t90\tDrama",
            "tt0000006\tmovie\tShort row",
        ]
        let result = try IMDbDatasetFileTests.titles(try IMDbDatasetFileTests.file("title.basics.tsv", lines.joined(separator: "\n"), gzip: true))
        #expect(result.titles.map(\.id) == ["tt0000002", "tt0000003", "tt0000004"])
        #expect(result.titles[0].runtime == nil)
        #expect(result.titles[1].genres.count == IMDbDataset.listLimit)
        #expect(result.titles[2].primaryTitle == nil && result.titles[2].originalTitle == "Escape")
        let problems = result.file.problems.joined(separator: "\n")
        for expected in ["line 2: it is longer than 1 MiB", "line 3: runtimeMinutes '1000000000000000000' is not a whole number",
                         "line 4: genres has 10000 values: the first 100 kept", "line 5: primaryTitle", "control characters",
                         "line 6: tconst 'xx0000005' is not an IMDb id", "line 7: it has 3 fields, not the 9 of title.basics"] {
            #expect(problems.contains(expected), "\(expected) in:\n\(problems)")
        }
        #expect(!problems.contains("\u{1B}"), "an escape code is never printed")
    }

    @Test("a file that is not a dataset, an empty file, a gzip cut short or damaged: refused, named (65)")
    func refusals() throws {
        let notOne = try IMDbDatasetFileTests.file("ratings.csv", "Const,Your Rating\ntt1,5\n")
        #expect(throws: WatchlistError.self) { try IMDbDatasetFileTests.titles(notOne) }
        let empty = try IMDbDatasetFileTests.file("empty.tsv", "")
        #expect(throws: WatchlistError.self) { try IMDbDatasetFileTests.titles(empty) }
        let whole = try Data(contentsOf: URL(fileURLWithPath: try IMDbDatasetFileTests.file("t.tsv", ([IMDbDatasetFileTests.basicsHeader] + IMDbDatasetFileTests.rows).joined(separator: "\n"), gzip: true)))
        let cut = try temporaryFolder() + "/cut-" + UUID().uuidString + ".gz"
        try whole.prefix(whole.count - 12).write(to: URL(fileURLWithPath: cut))
        #expect {
            try IMDbDatasetFileTests.titles(cut)
        } throws: { error in
            "\(error)".contains("cut short")
        }
        var damaged = whole
        for index in 20..<min(40, damaged.count - 8) { damaged[index] ^= 0x5A }
        let broken = try temporaryFolder() + "/damaged-" + UUID().uuidString + ".gz"
        try damaged.write(to: URL(fileURLWithPath: broken))
        #expect(throws: WatchlistError.self) { try IMDbDatasetFileTests.titles(broken) }
    }

    static let sample: String? = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/fixtures/imdb-datasets-sample").standardized.path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    @Test("IMDb's own files (the first 49,999 rows of four, gzipped as IMDb ships them): every row read, each file known by its header",
          .enabled(if: sample != nil, "../shared/fixtures/imdb-datasets-sample is not here"))
    func realSample() throws {
        let expected: [String: IMDbDataset] = ["title.basics.tsv.gz": .titleBasics, "title.crew.tsv.gz": .titleCrew,
                                               "name.basics.tsv.gz": .nameBasics, "title.ratings.tsv.gz": .titleRatings]
        for (name, dataset) in expected {
            var file = IMDbDatasetFile(path: IMDbDatasetFileTests.sample! + "/" + name)
            var read = 0
            try file.read { found, fields, _, problems in
                #expect(found == dataset)
                switch found {
                case .titleBasics: if (try? IMDbDatasetRow.title(fields, problems: &problems)) != nil { read += 1 }
                case .titleCrew: if (try? IMDbDatasetRow.crew(fields, problems: &problems)) != nil { read += 1 }
                case .nameBasics: if (try? IMDbDatasetRow.name(fields, problems: &problems)) != nil { read += 1 }
                case .titleRatings: if (try? IMDbDatasetRow.votes(fields, problems: &problems)) != nil { read += 1 }
                case .titleAkas: break
                }
            }
            #expect(file.dataset == dataset)
            #expect(file.rows == 49_999 && read == 49_999, "\(name): \(file.rows) rows, \(read) read")
            // The only problems of IMDb's own rows: compilations with more directors than are kept.
            #expect(file.problems.allSatisfy { $0.contains("directors has") && $0.contains("the first 100 kept") }, "\(name): \(file.problems)")
            #expect(file.problemCount <= 5, "\(name): \(file.problemCount) problems")
        }
    }
}

/// Real diaries against IMDb's own rows: the old films of the three Letterboxd exports in
/// ../shared (years up to 1950, the years the sample's first 49,999 titles cover) matched by the
/// rules of `IMDbMatching`, with a handful checked by hand against the sample. The counts and
/// every match are written to $TMPDIR/imdb-sample-matches.txt, for reading.
@Suite("IMDb's sample against real Letterboxd diaries")
struct IMDbSampleMatchingTests {
    static let exports: String? = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/fixtures/real-exports").standardized.path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// The films (name, year) of the exports' diaries, watched films and watchlists, up to 1950.
    static func oldFilms() throws -> [(name: String, year: Int)] {
        var seen = Set<String>(), films: [(name: String, year: Int)] = []
        for export in ["letterboxd-aguitov-2026", "letterboxd-extratone-2024", "letterboxd-melvincarvalho-2021"] {
            for file in ["diary.csv", "watched.csv", "watchlist.csv"] {
                let path = exports! + "/" + export + "/" + file
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
                let reader = try CSVReader(string: text.replacingOccurrences(of: "\u{FEFF}", with: ""), hasHeaderRow: true)
                guard let header = reader.headerRow, let name = header.firstIndex(of: "Name"), let year = header.firstIndex(of: "Year") else { continue }
                while let row = reader.next() {
                    guard row.count > max(name, year) else { continue }
                    guard let value = Int(row[year]), value <= 1950, seen.insert(row[name] + "|" + row[year]).inserted else { continue }
                    films.append((row[name], value))
                }
            }
        }
        return films
    }

    @Test("old films of real Letterboxd diaries: matched by title and year where IMDb's rows leave one answer, unmatched otherwise",
          .enabled(if: exports != nil && IMDbDatasetFileTests.sample != nil, "../shared/fixtures (real exports and the IMDb sample) is not here"))
    func realDiaries() throws {
        let films = try IMDbSampleMatchingTests.oldFilms()
        var matching = IMDbMatching(films: films.enumerated().map { IMDbMatching.Film(key: Int64($0.offset), imdb: nil, titles: [$0.element.name], year: $0.element.year) })
        var basics = IMDbDatasetFile(path: IMDbDatasetFileTests.sample! + "/title.basics.tsv.gz")
        try basics.read { _, fields, _, problems in
            if let title = try? IMDbDatasetRow.title(fields, problems: &problems) { matching.consider(title) }
        }
        var ratings = IMDbDatasetFile(path: IMDbDatasetFileTests.sample! + "/title.ratings.tsv.gz")
        try ratings.read { _, fields, _, problems in
            if let votes = try? IMDbDatasetRow.votes(fields, problems: &problems) { matching.consider(votes) }
        }
        var byRule: [String: Int] = [:], found: [String: String] = [:]
        for decision in matching.decide() {
            switch decision {
            case .byTitle(let film, let id, let rule):
                byRule[rule, default: 0] += 1
                found["\(films[Int(film)].name) (\(films[Int(film)].year))"] = id
            case .ambiguous: byRule["ambiguous", default: 0] += 1
            case .notFound: byRule["not found", default: 0] += 1
            case .byId: byRule["by id", default: 0] += 1
            }
        }
        let summary = byRule.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        try? ("\(films.count) films: " + summary + "\n" + found.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: "\n"))
            .write(toFile: NSTemporaryDirectory() + "imdb-sample-matches.txt", atomically: true, encoding: .utf8)
        #expect(films.count > 50)
        // Checked by hand against the sample's rows (zcat title.basics.tsv.gz | grep):
        #expect(found["The Great Train Robbery (1903)"] == "tt0000439", "the 1903 short, not the 1904 remake a year apart")
        #expect(found["A Trip to the Moon (1902)"] == "tt0000417", "by its primary title; its original is Le voyage dans la lune")
        #expect(found["Cinderella (1899)"] == "tt0000230", "the exact year (Cendrillon, 1899), not the 1898 film a year apart")
        #expect(found["Joan of Arc (1900)"] == nil, "IMDb's 1900 film is titled otherwise, and the 1948 one is not a year apart: unmatched")
        #expect(found["The Arrival of a Train at La Ciotat (1896)"] == nil, "IMDb's primary title is shorter: unmatched without title.akas")
        #expect((byRule["title and year"] ?? 0) > films.count / 3, Comment(rawValue: summary))
    }

    @Test("every title of the sample hashes from its bytes as its fold does; those beyond ASCII are answered from their bytes too",
          .enabled(if: IMDbDatasetFileTests.sample != nil, "../shared/fixtures/imdb-datasets-sample is not here"))
    func foldHashOfRealTitles() throws {
        var file = IMDbDatasetFile(path: IMDbDatasetFileTests.sample! + "/title.basics.tsv.gz")
        var folds = TitleFold.Scalars()
        var beyondASCII = 0, answered = 0, wrong: [String] = []
        try file.read { _, fields, _, problems in
            guard let title = try? IMDbDatasetRow.title(fields, problems: &problems) else { return }
            for (field, text) in [(fields[2], title.primaryTitle), (fields[3], title.originalTitle)] {
                guard let text else { continue }
                let bytesHash = TitleFold.hash(field, folds: &folds)
                if field.contains(where: { $0 >= 0x80 }) {
                    beyondASCII += 1
                    if bytesHash != nil { answered += 1 }
                }
                if let bytesHash, bytesHash != TitleFold.hash(TitleKey.fold(text)) { wrong.append(text) }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
        #expect(beyondASCII > 7000)
        #expect(Double(answered) >= 0.95 * Double(beyondASCII), "\(answered) of \(beyondASCII) answered from their bytes")
        print("titles beyond ASCII: \(beyondASCII), answered from their bytes: \(answered)")
    }
}
