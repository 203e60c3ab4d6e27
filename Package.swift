// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "watchlist",
    products: [
        .executable(name: "watchlist", targets: ["watchlist"]),
        .library(name: "WatchlistCore", targets: ["WatchlistCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Sources/WatchlistCore/Schema is a symbolic link to the top-level Schema/ (SQL migrations
        // and the built-in collection): SwiftPM embeds only resources inside their target's
        // folder, and `.embedInCode` puts them in the binary, so nothing is read at run time.
        .target(
            name: "WatchlistCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.embedInCode("Schema")]
        ),
        .executableTarget(
            name: "watchlist",
            dependencies: [
                "WatchlistCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/watchlist"
        ),
        .testTarget(
            name: "WatchlistCoreTests",
            dependencies: [
                "WatchlistCore",
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
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/WatchlistCLITests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
