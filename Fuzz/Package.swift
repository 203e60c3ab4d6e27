// swift-tools-version:6.1
import PackageDescription

// The libFuzzer targets, a package of their own so that `swift test` never builds them. They
// link the project's real targets through SwiftPM; scripts/fuzz.sh builds them with
// `--sanitize fuzzer --sanitize address` (which instruments every module) and runs them.
let fuzzTarget: (String, [Target.Dependency]) -> Target = { name, dependencies in
    .executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzDriver"] + dependencies, path: "Sources/fuzz-\(name)")
}

let package = Package(
    name: "watchlist-fuzz",
    dependencies: [
        .package(name: "watchlist", path: ".."),
        // The database target plants schema entries and planner statistics through SQLite itself.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "FuzzDriver"),
        fuzzTarget("collection", [.product(name: "WatchlistModel", package: "watchlist")]),
        fuzzTarget("letterboxd", [.product(name: "WatchlistModel", package: "watchlist")]),
        fuzzTarget("imdb", [.product(name: "WatchlistModel", package: "watchlist")]),
        fuzzTarget("document", [.product(name: "WatchlistModel", package: "watchlist")]),
        fuzzTarget("trakt", [.product(name: "WatchlistModel", package: "watchlist")]),
        fuzzTarget("criticker", [.product(name: "WatchlistModel", package: "watchlist")]),
        fuzzTarget("netflix", [.product(name: "WatchlistModel", package: "watchlist")]),
        fuzzTarget("datasets", [.product(name: "WatchlistModel", package: "watchlist")]),
        fuzzTarget("sync", [.product(name: "WatchlistCore", package: "watchlist")]),
        fuzzTarget("database", [.product(name: "WatchlistCore", package: "watchlist"), .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
