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

/// Issue "nothing lost", 9: completion must never run what a title holds, nor let it drive the
/// terminal. Each shell's own completion machinery is run on a database of hostile titles.
@Suite("shell completion of hostile titles")
struct HostileCompletionTests {
    let sandbox: Sandbox
    let marker: String
    init() throws {
        sandbox = try Sandbox()
        marker = sandbox.folder + "/pwned"
        let titles = """
            Hostile.

            $(touch \(marker)) Film (1999)
            Description: a command substitution.

            `touch \(marker)` Backticks (1998)
            Description: backticks.

            Bell\u{1B}]0;owned\u{07} Film (1997)
            Description: an escape sequence.

            Star Wars: A New Hope (1977)
            Description: a colon.

            It's *; rm -rf ~ (1996)
            Description: quotes, a glob and a semicolon.
            """
        let file = try sandbox.write("hostile.txt", titles)
        #expect(try sandbox.run("collection", "import", file).status == 0)
    }

    /// Runs a shell on `script` with the binary first on its PATH.
    func shell(_ executable: String, _ script: String) throws -> Run {
        var environment = sandbox.environment
        environment["PATH"] = URL(fileURLWithPath: binary).deletingLastPathComponent().path + ":/usr/bin:/bin"
        return try sandbox.runRaw(["-c", script], environment: environment, executable: executable)
    }

    @Test("bash: TAB after 'watchlist show ' runs nothing, and every candidate is one quoted word",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func bash() throws {
        let script = try sandbox.write("watchlist.bash", try sandbox.runRaw(["--generate-completion-script", "bash"]).stdout)
        #expect(!(try String(contentsOfFile: script, encoding: .utf8)).contains(#"-W "$(__watchlist_custom_complete"#))
        let run = try shell("/bin/bash", """
            source '\(script)'
            complete_line() {
                COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
                read -ra COMP_WORDS <<< "$COMP_LINE"
                [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
                COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                COMPREPLY=()
                _watchlist watchlist "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
            }
            complete_line "watchlist --db \(sandbox.db) show "
            echo ---
            complete_line "watchlist --db \(sandbox.db) watch Star"
            """)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker), "completion ran a command from a title")
        let parts = run.stdout.components(separatedBy: "---\n")
        let all = parts[0].split(separator: "\n").map(String.init)
        #expect(all.contains(#"\$\(touch\ "# + marker.replacingOccurrences(of: "-", with: "-") + #"\)\ Film"#), "\(all)")
        #expect(all.contains(#"\`touch\ "# + marker + #"\`\ Backticks"#))
        #expect(all.contains(#"It\'s\ \*\;\ rm\ -rf\ \~"#))
        #expect(all.contains("13"), "the title with an escape is offered as its id")
        #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{07}"))
        #expect(parts[1].split(separator: "\n").contains("Star\\ Wars:\\ A\\ New\\ Hope"), "\(parts[1])")
        // Each candidate, read back by bash as a word, is the title itself: nothing expands.
        let echoed = try shell("/bin/bash", "for word in \(all.filter { $0 != "13" }.joined(separator: " ")); do printf '%s\\n' \"$word\"; done")
        #expect(echoed.stdout.contains("$(touch \(marker)) Film\n") && echoed.stdout.contains("It's *; rm -rf ~\n"), "\(echoed.stdout)")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("zsh: the candidates reach _describe as data, with colons escaped; nothing runs",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh")))
    func zsh() throws {
        let script = try sandbox.write("_watchlist", try sandbox.runRaw(["--generate-completion-script", "zsh"]).stdout)
        // The script's own functions, with compsys's _describe stood in for by one that prints.
        let run = try shell("/usr/bin/zsh", """
            export SAP_SHELL=zsh
            compdef() { : }
            source '\(script)'
            _describe() { shift 2; local -a values; set -A values ${(P)1}; printf '%s\\n' "${values[@]}"; }
            command_name=watchlist
            command_line=(watchlist --db '\(sandbox.db)' show '')
            __watchlist_custom_complete ---completion show -- positional@0 3 0
            """)
        #expect(!FileManager.default.fileExists(atPath: marker), "completion ran a command from a title")
        #expect(run.stdout.contains("Star Wars\\: A New Hope"), "\(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains("$(touch \(marker)) Film"))
        #expect(!run.stdout.contains("\u{1B}"))
    }

    @Test("fish: the script's completion function lists the titles as data; nothing runs",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fish")))
    func fish() throws {
        let script = try sandbox.write("watchlist.fish", try sandbox.runRaw(["--generate-completion-script", "fish"]).stdout)
        // fish reads the command line only when interactive: the tokens typed are stood in for.
        let run = try shell("/usr/bin/fish", """
            source '\(script)'
            function __watchlist_tokens
                if contains -- -t $argv; echo ''; return; end
                printf '%s\\n' watchlist --db '\(sandbox.db)' show
            end
            __watchlist_custom_completion ---completion show -- positional@0 4 0
            """)
        #expect(!FileManager.default.fileExists(atPath: marker), "completion ran a command from a title")
        #expect(run.stdout.contains("$(touch \(marker)) Film"), "\(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains("Star Wars: A New Hope"))
        #expect(run.stdout.contains("13\n") || run.stdout.contains("13\t"))
        #expect(!run.stdout.contains("\u{1B}"))
    }
}
