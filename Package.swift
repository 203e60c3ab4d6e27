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
    ],
    targets: [
        // The core lives at the package root so that Schema/ (SQL migrations and the built-in
        // collection) can be embedded in the binary with `.embedInCode`: resources must sit
        // inside their target's folder, and the schema belongs at the top of the tree.
        .target(
            name: "WatchlistCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            path: ".",
            // Everything else at the root that SwiftPM would otherwise offer as a resource.
            exclude: ["Sources/watchlist", "Tests", "docs", "README.md"],
            sources: ["Sources/WatchlistCore"],
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
