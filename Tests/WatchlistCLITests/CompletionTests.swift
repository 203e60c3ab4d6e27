import Foundation
import Testing

@Suite("shell completion")
struct CompletionTests {
    @Test("completion scripts for bash, zsh and fish are generated from the commands", arguments: ["bash", "zsh", "fish"])
    func scripts(shell: String) throws {
        let sandbox = try Sandbox()
        let run = try sandbox.runRaw(["--generate-completion-script", shell])
        #expect(run.status == 0)
        for command in ["watch", "collection", "import", "stats"] { #expect(run.stdout.contains(command), "\(command)") }
        #expect(run.stdout.contains("---completion show -- positional@0"), "a <film> completes through the binary")
    }

    @Test("a <film> completes with the titles in the database named by --db")
    func films() throws {
        let sandbox = try Sandbox()
        try sandbox.run("tag", "ascent", "x")
        // What the generated scripts run: the words typed so far, after the argument's name.
        let all = try sandbox.runRaw(["---completion", "show", "--", "positional@0", "4", "0", "watchlist", "--db", sandbox.db, "show", ""])
        #expect(all.stdout.split(separator: "\n").count == 10)
        let red = try sandbox.runRaw(["---completion", "watch", "--", "positional@0", "4", "3", "watchlist", "--db", sandbox.db, "watch", "red"])
        #expect(red.stdout == "The Red Tent\n")
        let folded = try sandbox.runRaw(["---completion", "watch", "--", "positional@0", "4", "3", "watchlist", "--db", sandbox.db, "watch", "ASC"])
        #expect(folded.stdout == "The Ascent\n")
    }
}
