import Foundation
import Testing

@Suite("terminal output")
struct TerminalTests {
    @Test("tables fit the terminal's width, shortening long titles with …")
    func width() throws {
        let sandbox = try Sandbox()
        var environment = sandbox.environment
        environment["COLUMNS"] = "60"
        let narrow = try sandbox.runRaw(["list"], environment: environment)
        let table = narrow.stdout.split(separator: "\n").prefix(11)
        #expect(table.allSatisfy { $0.count <= 60 }, "\(table)")
        #expect(narrow.stdout.contains("…"))
        let wide = try sandbox.run("list")
        #expect(wide.stdout.contains("The White Sun of the Desert"), "not shortened when not on a terminal and COLUMNS is unset")
    }

    @Test("--color always, never and auto (no colour in a pipe, nor with NO_COLOR)")
    func color() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run("search", "arctic", "--color", "always").stdout.contains("\u{1B}[1;4mArctic\u{1B}[0m"))
        #expect(try sandbox.run("list", "--color", "always").stdout.hasPrefix("\u{1B}[1mID"))
        #expect(!(try sandbox.run("search", "arctic", "--color", "never").stdout.contains("\u{1B}[")))
        #expect(!(try sandbox.run("search", "arctic").stdout.contains("\u{1B}[")))
        var environment = sandbox.environment
        environment["NO_COLOR"] = "1"
        #expect(!(try sandbox.runRaw(["list", "--color", "auto"], environment: environment).stdout.contains("\u{1B}[")))
        #expect(try sandbox.run("list", "--color", "purple").status == 64)
    }

    @Test("no progress bar when standard error is not a terminal")
    func noProgressInPipes() throws {
        let sandbox = try Sandbox()
        let run = try sandbox.run("export")
        #expect(run.stderr.isEmpty)
    }
}
