// swift-tools-version:6.1
import PackageDescription

// Three layers, and the arrows point one way: watchlist (the command line) → WatchlistCore
// (the database and the use cases) → WatchlistModel (values, parsers and formats, which depend
// on nothing of ours). A module cannot import one that depends on it, and the ImportRules
// plugin fails the build when a target imports a module its layer may not (GRDB outside
// WatchlistCore, say): Plugins/ImportRules/ImportRules.swift holds the table.
//
// A fuzzing build (scripts/fuzz.sh sets WATCHLIST_FUZZ_BUILD) links libFuzzer's `main` into every
// executable of the graph, the SchemaSnapshot build tool too, which then cannot link; it builds
// WatchlistCore without the snapshot, and the schema check makes the expected schema in memory.
let fuzzBuild = Context.environment["WATCHLIST_FUZZ_BUILD"] != nil

let package = Package(
    name: "watchlist",
    products: [
        .executable(name: "watchlist", targets: ["watchlist"]),
        .library(name: "WatchlistCore", targets: ["WatchlistCore"]),
        .library(name: "WatchlistModel", targets: ["WatchlistModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "WatchlistModel",
            plugins: ["ImportRules"]
        ),
        // Sources/WatchlistCore/Schema is a symbolic link to the top-level Schema/ (SQL migrations
        // and the built-in collection): SwiftPM embeds only resources inside their target's
        // folder, and `.embedInCode` puts them in the binary, so nothing is read at run time.
        // A C function Swift cannot write: sqlite3_db_config, which sets the defensive flag, is variadic.
        .target(
            name: "WatchlistSQLiteShim",
            dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // zlib, for IMDb's gzipped dataset files, unpacked as they are read (`GzipLines`).
        .systemLibrary(name: "WatchlistZlib", path: "Sources/WatchlistZlib"),
        .target(
            name: "WatchlistCore",
            dependencies: [
                "WatchlistModel",
                "WatchlistSQLiteShim",
                "WatchlistZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.embedInCode("Schema")],
            swiftSettings: fuzzBuild ? [.define("WITHOUT_SCHEMA_SNAPSHOT")] : [],
            plugins: fuzzBuild ? ["ImportRules"] : ["ImportRules", "SchemaSnapshotPlugin"]
        ),
        // Build tool: the schema each migration makes, compiled into WatchlistCore
        // (SchemaSnapshot+Objects.swift), so that opening a database never migrates one in memory.
        .executableTarget(
            name: "SchemaSnapshot",
            dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")],
            plugins: ["ImportRules"]
        ),
        .executableTarget(
            name: "watchlist",
            dependencies: [
                "WatchlistCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/watchlist",
            plugins: ["ImportRules"]
        ),
        .plugin(name: "ImportRules", capability: .buildTool()),
        .plugin(name: "SchemaSnapshotPlugin", capability: .buildTool(), dependencies: ["SchemaSnapshot"]),
        // What the tests of every layer share: the sandbox that runs the binary, another
        // process holding the lock, tampering with a file, values written as literals.
        .target(
            name: "WatchlistTestSupport",
            dependencies: ["WatchlistModel", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/WatchlistTestSupport"
        ),
        .testTarget(
            name: "WatchlistModelTests",
            dependencies: ["WatchlistModel", "WatchlistTestSupport"],
            path: "Tests/WatchlistModelTests"
        ),
        .testTarget(
            name: "WatchlistCoreTests",
            dependencies: [
                "WatchlistCore",
                "WatchlistModel",
                "WatchlistTestSupport",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/WatchlistCoreTests"
        ),
        .testTarget(
            name: "WatchlistCLITests",
            dependencies: [
                "watchlist",
                "WatchlistTestSupport",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/WatchlistCLITests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
