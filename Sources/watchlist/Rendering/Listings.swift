import WatchlistCore

/// The other tables: collections, history, search hits.
enum Listings {
    /// `collection list`: a slug is a key to type, shortened like a title when the width asks
    /// (`collection show` takes any slug whole); the Kind column leaves first.
    static func collections(_ collections: [CollectionProgress], maxWidth: Int?, bold: Bool) -> String {
        var table = Table([.init("Slug", .left, shrinksTo: 8, comfortably: 16), .init("Title", .left, shrinksTo: 8, comfortably: 20),
                           .init("Films", .right), .init("Watched", .right), .init("Kind", .left, leaves: 1)])
        for progress in collections {
            table.rows.append([progress.collection.slug, progress.collection.title, String(progress.filmCount),
                               String(progress.watchedCount), progress.collection.builtIn ? "built-in" : "yours"])
        }
        return table.render(maxWidth: maxWidth, bold: bold)
    }

    /// `history`: a table, or at narrow widths (under 60 columns) an entry a block — when and
    /// what was typed, then what it did, indented — so that no command is cut.
    static func history(_ entries: [HistoryEntry], maxWidth: Int?, bold: Bool, glyphs: Glyphs) -> String {
        func did(_ entry: HistoryEntry) -> String { glyphs.stored(entry.summary.oneLine) + (entry.undoable ? "" : " (cannot be undone)") }
        if let maxWidth, maxWidth < 60 {
            return entries.map { entry in
                Terminal.bold(Timestamp.local(entry.at), if: bold) + "  " + entry.command.oneLine + "\n    " + did(entry)
            }.joined(separator: "\n")
        }
        var table = Table([.init("When", .left), .init("Command", .left, shrinksTo: 12, comfortably: 24),
                           .init("What it did", .left, shrinksTo: 16, comfortably: 30)])
        for entry in entries {
            table.rows.append([Timestamp.local(entry.at), entry.command, did(entry)])
        }
        return table.render(maxWidth: maxWidth, bold: bold)
    }

    /// `search`: a hit's id and title, then its snippet, indented (the terminal's width wraps it).
    static func searchHits(_ hits: [SearchHit]) -> String {
        hits.map { hit in
            let id = String(hit.film.number)
            return String(repeating: " ", count: max(0, 4 - id.count)) + id + "  \(hit.film.displayTitle)\n      "
                + hit.snippet.replacingOccurrences(of: "\n", with: " ")
        }.joined(separator: "\n")
    }
}
