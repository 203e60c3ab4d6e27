import Foundation
import Testing

/// Every transcript in README.md (a fenced block with `$ ` lines) is run and its output
/// compared, so that an example can never drift from what the tool prints.
///
/// Each block runs in a fresh folder with a fresh database, the example files of docs/examples
/// beside it, the clock stopped at 2026-11-26T21:00:00Z (UTC), no colour and no terminal width.
/// A `$ ` line is one shell command (`watchlist` is the built binary); the lines after it, up
/// to the next `$ ` line or the end of the block, are what it prints on standard output and
/// then standard error (CRLF line ends read as LF). A line that is only `…` stands for any
/// number of lines.
@Suite("README transcripts")
struct ReadmeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    struct Step {
        var command: String
        var expected: [String]
        var line: Int
    }

    struct Transcript: CustomTestStringConvertible {
        var line: Int
        var steps: [Step]
        var testDescription: String { "README.md line \(line): \(steps.first?.command ?? "")" }
    }

    /// The transcripts of a Markdown text, in order.
    static func transcripts(in markdown: String) -> [Transcript] {
        var transcripts: [Transcript] = []
        var inBlock = false
        var current: Transcript?
        for (index, line) in markdown.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") {
                if inBlock, let transcript = current, !transcript.steps.isEmpty { transcripts.append(transcript) }
                inBlock.toggle()
                current = inBlock ? Transcript(line: index + 1, steps: []) : nil
                continue
            }
            guard inBlock else { continue }
            if line.hasPrefix("$ ") {
                current?.steps.append(Step(command: String(line.dropFirst(2)), expected: [], line: index + 1))
            } else if let last = current?.steps.indices.last {
                current?.steps[last].expected.append(line)
            }
        }
        return transcripts
    }

    static let all: [Transcript] = {
        guard let text = try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8) else { return [] }
        return transcripts(in: text)
    }()

    /// Whether `actual` matches `expected`, where a line `…` matches any run of lines.
    static func matches(_ expected: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "…" {
            return actual.indices.contains { matches(expected.dropFirst(), actual[$0...]) } || matches(expected.dropFirst(), [])
        }
        guard let line = actual.first, line == first || matchesKeys(first, line) else { return false }
        return matches(expected.dropFirst(), actual.dropFirst())
    }

    /// Whether `line` is `expected` where each JSON string `"…"` of it stands for any key (a
    /// string of digits): the keys of rows a command makes are new each time.
    static func matchesKeys(_ expected: String, _ line: String) -> Bool {
        guard expected.contains("\"…\"") else { return false }
        let pattern = expected.components(separatedBy: "\"…\"").map(NSRegularExpression.escapedPattern(for:)).joined(separator: "\"[0-9]+\"")
        return line.range(of: "^" + pattern + "$", options: .regularExpression) != nil
    }

    @Test("the README has transcripts, and the matcher reads … as any lines")
    func reader() {
        #expect(ReadmeTests.all.count >= 10)
        #expect(ReadmeTests.matches(["a", "…", "d"], ["a", "b", "c", "d"]))
        #expect(ReadmeTests.matches(["a", "…"], ["a"]))
        #expect(!ReadmeTests.matches(["a", "…", "d"], ["a", "b", "c"]))
        #expect(!ReadmeTests.matches(["a", "b"], ["a", "c"]))
        #expect(ReadmeTests.matches([#"{"id":1,"key":"…"}"#], [#"{"id":1,"key":"917675532810425265"}"#]))
        #expect(!ReadmeTests.matches([#"{"id":1,"key":"…"}"#], [#"{"id":2,"key":"917675532810425265"}"#]))
        #expect(!ReadmeTests.matches([#"{"id":1,"key":"…"}"#], [#"{"id":1,"key":"x"}"#]))
    }

    @Test("each README transcript prints what the README shows", arguments: ReadmeTests.all)
    func transcript(_ transcript: Transcript) throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.folder + "/docs", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ReadmeTests.root.appendingPathComponent("docs/examples").path,
                                         toPath: sandbox.folder + "/docs/examples")
        var environment = sandbox.environment
        environment["PATH"] = URL(fileURLWithPath: binary).deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        // A new user's account: the database at its default path, in the sandbox's home.
        environment["WATCHLIST_NOW"] = "2026-11-26T21:00:00Z"
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "WATCHLIST_LOCK_TIMEOUT")
        environment.removeValue(forKey: "COLUMNS")
        for step in transcript.steps {
            let run = try sandbox.runRaw(["-c", step.command], environment: environment, executable: "/bin/sh")
            // A CSV's CRLF line ends show as plain lines in the README.
            // ("\r\n" is one Character in Swift, so it is a separator of its own.)
            var actual = (run.stdout + run.stderr).split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                .map(String.init)
            if actual.last == "" { actual.removeLast() }
            var expected = step.expected
            while expected.last == "" { expected.removeLast() }
            #expect(ReadmeTests.matches(expected[...], actual[...]),
                    "README.md line \(step.line): $ \(step.command)\n--- the README shows:\n\(expected.joined(separator: "\n"))\n--- it printed (status \(run.status)):\n\(actual.joined(separator: "\n"))")
        }
    }
}
