// swift-tools-version:6.1
// In-process benchmarks (ordo-one/package-benchmark), a package of their own so that
// `swift test` never builds them. Run: cd Benchmarks && swift package benchmark
import Foundation
import PackageDescription

// A path dependency is named after its folder, whatever the clone is called.
let watchlistPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "WatchlistBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Swift 6.3's default RuntimeInterposer trait needs a package this machine does not have.
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "floor-grdb",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/FloorGRDB"
        ),
        .executableTarget(
            name: "WatchlistBenchmarks",
            dependencies: [
                .product(name: "WatchlistCore", package: watchlistPackage),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/WatchlistBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
