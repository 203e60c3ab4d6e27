import Benchmark
import Foundation
import WatchlistCore

/// The in-process use cases, on databases scripts/make-scale-db.py builds. Set
/// WATCHLIST_SCALE_DB to the 100,000-film database (scripts/bench.sh does).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(5), maxIterations: 200)
    let scale = ProcessInfo.processInfo.environment["WATCHLIST_SCALE_DB"]

    Benchmark("TitleKey.fold, 1,000 titles") { benchmark in
        let titles = (0..<1000).map { "The Scale Film \($0), Part \($0 % 7)" }
        benchmark.startMeasurement()
        for title in titles { blackHole(TitleKey.fold(title)) }
    }

    Benchmark("StarRating parsing, 1,000 ratings") { benchmark in
        let inputs = (0..<1000).map { ["4.5", "★★★½", "9/10", "3"][$0 % 4] }
        benchmark.startMeasurement()
        for input in inputs { blackHole(StarRating(parsing: input)) }
    }

    Benchmark("Read a 10,000-row Letterboxd diary (parse only)") { benchmark in
        var text = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\r\n"
        for row in 0..<10_000 {
            text += "2024-01-02,\"Film, \(row)\",\(1950 + row % 70),https://boxd.it/\(row),4.5,,winter,2024-01-01\r\n"
        }
        let bytes = Array(text.utf8)
        benchmark.startMeasurement()
        var reader = ImportReader()
        try reader.read(bytes, path: "diary.csv", format: .letterboxd)
        blackHole(reader.finish())
    }

    guard let scale else { return }
    let watchlist = try! Watchlist.open(path: scale)

    Benchmark("Resolve a film among 100,000 (exact title and year)") { _ in
        blackHole(try watchlist.resolve("Scale Film 054321 (1941)"))
    }

    Benchmark("Resolve a film among 100,000 (part of a title)") { _ in
        blackHole(try watchlist.resolve("film 054321"))
    }

    Benchmark("Summary of 100 collections, 1,000,000 viewings") { _ in
        blackHole(try watchlist.summary())
    }

    Benchmark("Show one film") { _ in
        blackHole(try watchlist.show("54321"))
    }
}
