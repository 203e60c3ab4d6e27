/// One self-contained page to keep or share: no scripts and no external assets (the style is
/// inline), every value escaped. Per collection: its title and introduction, progress, then
/// each film as a card with its stars, days, tags and notes; watched films first.
struct HTMLExportWriter: PageExportWriter {
    let output: TextOutput
    var pages = CollectionSections()

    init(_ output: TextOutput) {
        self.output = output
    }

    mutating func finish() throws {
        var page = HTML.top(title: pages.onlyTitle ?? "Film diary", heading: "Film diary", style: HTMLExportWriter.style,
                            exportedAt: pages.exportedAt)
        for section in pages.sections { page += self.section(section.title, section.introduction, section.films) }
        page += "</main>\n</body>\n</html>\n"
        try output.write(page)
    }

    private func section(_ title: String, _ introduction: String, _ films: [FilmDetail]) -> String {
        let watched = films.filter(\.isWatched)
        let percent = films.isEmpty ? 0 : watched.count * 100 / films.count
        var html = "<section>\n<h2>\(HTML.escape(title))</h2>\n"
        if !introduction.isEmpty {
            html += introduction.components(separatedBy: "\n\n").map { "<p class=\"intro\">\(HTML.escape($0))</p>\n" }.joined()
        }
        html += """
            <div class="progress"><div class="bar" style="width: \(percent)%"></div></div>
            <p class="meta">\(watched.count) of \(films.count) watched</p>
            <ol class="films">

            """
        for film in watched + films.filter({ !$0.isWatched }) { html += card(film) }
        return html + "</ol>\n</section>\n"
    }

    private func card(_ detail: FilmDetail) -> String {
        let film = detail.film
        var html = "<li class=\"film\(detail.isWatched ? " watched" : "")\">\n<div class=\"head\"><h3>\(HTML.escape(film.title))"
        if let year = film.year { html += " <span class=\"year\">\(year)</span>" }
        html += "</h3>"
        if let rating = detail.rating {
            html += "<span class=\"stars\" title=\"\(rating.value.decimal) of 5\">\(rating.value.starsText)</span>"
        }
        html += "</div>\n"
        let credits = [detail.metadata.directors.isEmpty ? nil : detail.metadata.directors.joined(separator: ", "),
                       detail.metadata.runtime.map(FilmMetadata.runtimeText)].compactMap { $0 }
        if !credits.isEmpty { html += "<p class=\"credits\">\(HTML.escape(credits.joined(separator: " · ")))</p>\n" }
        if detail.isWatched {
            let days = detail.viewings.map { viewing in
                HTML.escape(viewing.watchedOn?.iso ?? "a day unknown") + (viewing.rewatch ? " <span class=\"rewatch\">rewatch</span>" : "")
            }
            html += "<p class=\"days\">Watched \(days.joined(separator: ", "))</p>\n"
        } else {
            html += "<p class=\"days\">Not yet watched</p>\n"
        }
        if !film.description.isEmpty { html += "<p class=\"description\">\(HTML.escape(film.description))</p>\n" }
        if !detail.tags.isEmpty {
            html += "<p class=\"tags\">" + detail.tags.map { "<span class=\"tag\">\(HTML.escape($0))</span>" }.joined(separator: " ") + "</p>\n"
        }
        for note in detail.notes {
            html += "<blockquote>" + HTML.escapeWithLines(note.text) + "</blockquote>\n"
        }
        return html + "</li>\n"
    }

    static let style = """
        :root { color-scheme: light dark; --ink: #1d1b18; --paper: #f6f1e7; --muted: #6f675c; --accent: #b3541e; --card: #fffdf8; --line: #e3dacb; }
        @media (prefers-color-scheme: dark) { :root { --ink: #ece6da; --paper: #171614; --muted: #a39a8c; --accent: #e07b39; --card: #211f1c; --line: #3a3631; } }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.5 Georgia, "Iowan Old Style", "Palatino Linotype", serif; }
        main { max-width: 960px; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
        h1 { font-size: 2.4rem; margin: 0; letter-spacing: -0.01em; }
        h2 { font-size: 1.6rem; margin: 2.5rem 0 0.5rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.3rem; }
        h3 { font-size: 1.15rem; margin: 0; }
        .meta { color: var(--muted); font: 0.85rem/1.4 system-ui, sans-serif; margin: 0.3rem 0 1rem; }
        .intro { color: var(--muted); font-style: italic; }
        .progress { height: 8px; background: var(--line); border-radius: 4px; overflow: hidden; }
        .progress .bar { height: 100%; background: var(--accent); }
        .films { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 1rem; }
        .film { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.1rem; opacity: 0.72; }
        .film.watched { opacity: 1; border-left: 4px solid var(--accent); }
        .head { display: flex; justify-content: space-between; gap: 0.75rem; align-items: baseline; }
        .year { color: var(--muted); font-weight: normal; }
        .stars { color: var(--accent); white-space: nowrap; letter-spacing: 0.05em; }
        .days { font: 0.8rem/1.4 system-ui, sans-serif; color: var(--muted); margin: 0.4rem 0; }
        .credits { font: 0.85rem/1.4 system-ui, sans-serif; margin: 0.3rem 0 0; }
        .rewatch { border: 1px solid var(--muted); border-radius: 3px; padding: 0 0.25rem; font-size: 0.7rem; }
        .description { font-size: 0.92rem; margin: 0.5rem 0; }
        .tag { display: inline-block; font: 0.75rem system-ui, sans-serif; background: var(--line); border-radius: 999px; padding: 0.05rem 0.55rem; margin: 0 0.2rem 0.2rem 0; }
        blockquote { margin: 0.6rem 0 0; padding-left: 0.75rem; border-left: 3px solid var(--line); font-style: italic; }
        """
}

enum HTML {
    /// A page up to its content: the head with its inline style, then `<main>` opened with a
    /// heading and the day it was exported.
    static func top(title: String, heading: String, style: String, exportedAt: String, mainClass: String? = nil) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <main\(mainClass.map { " class=\"\($0)\"" } ?? "")>
        <header><h1>\(escape(heading))</h1><p class="meta">Exported from watchlist on \(escape(String(exportedAt.prefix(10))))</p></header>

        """
    }

    private static let escapes = ByteReplacements(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
    private static let escapesAndLines = ByteReplacements(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;", "\n": "<br>"])

    /// Text made safe for HTML element content and attribute values.
    static func escape(_ text: String) -> String {
        escapes.apply(text)
    }

    /// The same, its line breaks as `<br>` (a note of several lines).
    static func escapeWithLines(_ text: String) -> String {
        escapesAndLines.apply(text)
    }
}
