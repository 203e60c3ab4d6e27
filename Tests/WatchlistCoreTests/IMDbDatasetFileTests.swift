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
