import WatchlistCore

/// The other tables: collections, history, search hits.
enum Listings {
    static func collections(_ collections: [CollectionProgress], maxWidth: Int?, bold: Bool) -> String {
        var table = Table([.init("Slug", .left), .init("Title", .left, shrinksTo: 8), .init("Films", .right),
                           .init("Watched", .right), .init("Kind", .left)])
        for progress in collections {
            table.rows.append([progress.collection.slug, progress.collection.title, String(progress.filmCount),
                               String(progress.watchedCount), progress.collection.builtIn ? "built-in" : "yours"])
        }
        return table.render(maxWidth: maxWidth, bold: bold)
    }

    static func history(_ entries: [HistoryEntry], maxWidth: Int?, bold: Bool) -> String {
        var table = Table([.init("When", .left), .init("Command", .left, shrinksTo: 12), .init("What it did", .left, shrinksTo: 16)])
        for entry in entries {
            table.rows.append([Timestamp.local(entry.at),
                               entry.command, entry.summary + (entry.undoable ? "" : " (cannot be undone)")])
        }
        return table.render(maxWidth: maxWidth, bold: bold)
    }

    static func searchHits(_ hits: [SearchHit]) -> String {
        hits.map { hit in
            let id = String(hit.film.id)
            return String(repeating: " ", count: max(0, 4 - id.count)) + id + "  \(hit.film.displayTitle)\n      "
                + hit.snippet.replacingOccurrences(of: "\n", with: " ")
        }.joined(separator: "\n")
    }
}
