/// A page to share: per collection its title and introduction, then "Watched" (stars,
/// days, notes) and "Not yet watched". Films in no collection follow under "Other films".
struct MarkdownExportWriter: PageExportWriter {
    let output: TextOutput
    var pages = CollectionSections()

    init(_ output: TextOutput) {
        self.output = output
    }

    mutating func finish() throws {
        for page in pages.sections {
            try section(title: page.title, introduction: page.introduction, films: page.films)
        }
        try output.write("---\n\nExported from watchlist on \(pages.exportedAt.prefix(10)).\n")
    }

    private func section(title: String, introduction: String, films: [FilmDetail]) throws {
        let watched = films.filter(\.isWatched)
        var text = "# \(Markdown.escape(title))\n\n"
        if !introduction.isEmpty { text += "\(Markdown.escape(introduction))\n\n" }
        text += "\(watched.count) of \(films.count) watched.\n\n## Watched\n\n"
        if watched.isEmpty { text += "Nothing yet.\n\n" }
        for film in watched {
            text += "- **\(Markdown.escape(film.film.titleWithYear))**"
            if let rating = film.rating { text += " \(rating.value.starsText)" }
            text += " — " + film.viewings.map { viewing in
                (viewing.watchedOn?.iso ?? "on an unknown day") + (viewing.rewatch ? " (rewatch)" : "")
            }.joined(separator: ", ") + Markdown.tags(film.tags) + "\n"
            for note in film.notes {
                text += "  > " + Markdown.quoted(note.text) + "\n"
            }
        }
        text += (watched.isEmpty ? "" : "\n") + "## Not yet watched\n\n"
        let unwatched = films.filter { !$0.isWatched }
        if unwatched.isEmpty { text += "Nothing: every film is watched.\n" }
        for film in unwatched {
            text += "- \(Markdown.escape(film.film.titleWithYear))"
            if let rating = film.rating { text += " \(rating.value.starsText)" }
            text += Markdown.tags(film.tags) + "\n"
        }
        try output.write(text + "\n")
    }
}

enum Markdown {
    /// " · tags: arctic, liked", or nothing.
    static func tags(_ tags: [String]) -> String {
        tags.isEmpty ? "" : " · tags: " + escape(tags.joined(separator: ", "))
    }

    /// Backslash-escapes the characters Markdown would read as markup, so that a title or a
    /// note shows as written.
    static func escape(_ text: String) -> String {
        escapes.apply(text)
    }

    /// Text of several lines escaped as the lines of a block quote (`  > ` before each after the first).
    static func quoted(_ text: String) -> String {
        quotedLines.apply(text)
    }

    private static let escapes = ByteReplacements(Dictionary(uniqueKeysWithValues: "\\`*_[]<>#|".map { ($0, "\\" + String($0)) }))
    private static let quotedLines = ByteReplacements(
        Dictionary(uniqueKeysWithValues: "\\`*_[]<>#|".map { ($0, "\\" + String($0)) }).merging(["\n": "\n  > "]) { $1 })
}
