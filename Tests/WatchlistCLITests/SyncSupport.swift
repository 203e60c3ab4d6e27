import Foundation
import Testing

/// Devices for the sync tests: each a sandbox of its own (its own home and database), and one
/// folder they share.
final class Devices {
    let sandboxes: [Sandbox]
    let shared: Sandbox
    var folder: String { shared.folder + "/sync" }

    init(_ count: Int) throws {
        sandboxes = try (0..<count).map { _ in try Sandbox() }
        shared = try Sandbox()
        try FileManager.default.createDirectory(atPath: shared.folder + "/sync", withIntermediateDirectories: true)
    }

    subscript(index: Int) -> Sandbox { sandboxes[index] }

    /// Runs a command on device `index` at `time` (the hybrid clock's wall time), and expects it to succeed.
    @discardableResult
    func run(_ index: Int, _ arguments: String..., at time: String = "2026-11-26T12:00:00Z",
             sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        let run = try sandboxes[index].run(arguments, with: ["WATCHLIST_NOW": time])
        #expect(run.status == 0, "device \(index): \(arguments.joined(separator: " ")): \(run.stderr)", sourceLocation: sourceLocation)
        return run
    }

    /// `sync` on device `index` (its first names it "device<index>").
    @discardableResult
    func sync(_ index: Int, at time: String = "2026-11-26T12:00:00Z", _ extra: [String] = [],
              sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        let run = try sandboxes[index].run(["sync", folder, "--name", "device\(index)"] + extra, with: ["WATCHLIST_NOW": time])
        #expect(run.status == 0, "device \(index): sync: \(run.stderr)", sourceLocation: sourceLocation)
        return run
    }

    /// Syncs every device in turn, twice: every device has then seen every file.
    func syncAll(order: [Int]? = nil) throws {
        for _ in 0..<2 { for index in order ?? Array(sandboxes.indices) { try sync(index) } }
    }

    /// A device's diary as the JSON export holds it, without what is the device's own: the
    /// numbers it shows (a collection's films named by key) and the export's time.
    func diary(_ index: Int) throws -> String {
        let text = try sandboxes[index].run("export").stdout
        guard var document = try sandboxes[index].parseJSON(text) as? [String: Any], var films = document["films"] as? [[String: Any]] else {
            return "not a document: \(text.prefix(200))"
        }
        var keys: [Int: String] = [:]
        for film in films { keys[film["id"] as? Int ?? 0] = film["key"] as? String ?? "?" }
        films = films.map { film in
            var film = film
            film["id"] = nil
            film["notes"] = (film["notes"] as? [[String: Any]] ?? []).map { note in var note = note; note["id"] = nil; return note }
                .sorted { ($0["key"] as? String ?? "") < ($1["key"] as? String ?? "") }
            return film
        }.sorted { ($0["key"] as? String ?? "") < ($1["key"] as? String ?? "") }
        document["films"] = films
        document["exportedAt"] = nil
        document["collections"] = (document["collections"] as? [[String: Any]] ?? []).map { collection in
            var collection = collection
            collection["films"] = (collection["films"] as? [Int] ?? []).map { keys[$0] ?? "?" }
            return collection
        }.sorted { ($0["slug"] as? String ?? "") < ($1["slug"] as? String ?? "") }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }

    /// Every device holds the same diary.
    func expectConverged(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let first = try diary(0)
        for index in sandboxes.indices.dropFirst() {
            let other = try diary(index)
            #expect(first == other, "device 0 and device \(index) differ:\n\(difference(first, other))", sourceLocation: sourceLocation)
        }
    }

    private func difference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n"), right = b.split(separator: "\n")
        for (index, (x, y)) in zip(left, right).enumerated() where x != y { return "line \(index): \(x)\n         vs \(y)" }
        return "lengths \(left.count) and \(right.count)"
    }

    /// A film's JSON (`show --json`) on a device.
    func film(_ index: Int, _ reference: String) throws -> [String: Any] {
        try sandboxes[index].parseJSON(try run(index, "show", reference, "--json").stdout) as? [String: Any] ?? [:]
    }
}
