import Foundation
import PackagePlugin

/// Fails the build when a target imports a module its layer may not: the layering of
/// docs/ARCHITECTURE.md as a fact of the build, not a rule on paper. SwiftPM puts every
/// module of a build on one search path, so without this check the executable could import
/// GRDB and nothing would stop it.
@main
struct ImportRules: BuildToolPlugin {
    /// What each target may import. `internal` marks a module that must be imported
    /// `internal import`, so that none of its types reach the target's public API.
    static let allowed: [String: [String: Access]] = [
        "WatchlistModel": ["Foundation": .any],
        "WatchlistCore": ["Foundation": .any, "WatchlistModel": .any, "GRDB": .internalOnly, "ZIPFoundation": .internalOnly,
                          "WatchlistSQLiteShim": .internalOnly, "WatchlistZlib": .internalOnly],
        "watchlist": ["Foundation": .any, "WatchlistCore": .any, "ArgumentParser": .any],
        "SchemaSnapshot": ["Foundation": .any, "GRDBSQLite": .any],
    ]

    enum Access { case any, internalOnly }

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget, let rules = ImportRules.allowed[target.name] else {
            Diagnostics.error("ImportRules has no rules for the target \(target.name): add its allowed imports")
            return []
        }
        for file in target.sourceFiles(withSuffix: "swift") {
            let text = try String(contentsOf: file.url, encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let (access, module) = ImportRules.parseImport(line) else { continue }
                let place = "\(file.url.path):\(index + 1)"
                switch rules[module] {
                case nil:
                    Diagnostics.error("\(place): \(target.name) may not import \(module) (docs/ARCHITECTURE.md, \"Layers\")")
                case .internalOnly? where !["internal", "private", "fileprivate"].contains(access):
                    Diagnostics.error("\(place): \(target.name) must import \(module) with 'internal import', so that its types stay out of the public API")
                default:
                    break
                }
            }
        }
        return []
    }

    /// ("internal", "GRDB") for `internal import GRDB`; ("", "Foundation") for `import Foundation`;
    /// nil for a line that is no import. `@testable`, `@_exported` and kinds (`import struct
    /// A.B`) are read too.
    static func parseImport(_ line: Substring) -> (access: String, module: String)? {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        while let first = words.first, first.hasPrefix("@") { words.removeFirst() }
        var access = ""
        if let first = words.first, ["public", "package", "internal", "fileprivate", "private"].contains(first) {
            access = first
            words.removeFirst()
        }
        guard words.first == "import", words.count >= 2 else { return nil }
        var path = words[1]
        if ["struct", "class", "enum", "protocol", "typealias", "func", "let", "var"].contains(path), words.count >= 3 { path = words[2] }
        return (access, String(path.split(separator: ".").first ?? Substring(path)))
    }
}
