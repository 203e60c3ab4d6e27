import Foundation
import PackagePlugin

/// Runs Sources/SchemaSnapshot over the target's migrations (Schema/v*.sql, in version order)
/// and compiles what it writes into the target: the schema every shipped version makes,
/// known without building it again at run time.
@main
struct SchemaSnapshotPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let migrations = target.sourceFiles.map(\.url)
            .filter { $0.pathExtension == "sql" && $0.lastPathComponent.hasPrefix("v") }
            .sorted { version($0) < version($1) }
        guard !migrations.isEmpty else {
            Diagnostics.error("SchemaSnapshot found no migration (Schema/v*.sql) in \(target.name)")
            return []
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("SchemaSnapshot+Objects.swift")
        return [.buildCommand(
            displayName: "Snapshot of the schema of \(migrations.count) migrations",
            executable: try context.tool(named: "SchemaSnapshot").url,
            arguments: [output.path] + migrations.map(\.path),
            inputFiles: migrations,
            outputFiles: [output])]
    }

    /// 6 for v6_undo.sql.
    private func version(_ url: URL) -> Int {
        Int(url.lastPathComponent.dropFirst().prefix { $0.isNumber }) ?? 0
    }
}
