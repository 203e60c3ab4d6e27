import ArgumentParser
import Foundation
import WatchlistCore

struct Next: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next", abstract: "Suggest an unwatched film, at random; --seed makes the choice reproducible.")

    @OptionGroup var global: GlobalOptions
    /// Only this collection's films.
    @Option(help: ArgumentHelp("Choose from this collection's films.", valueName: "slug")) var collection: String?
    /// The seed.
    @Option(help: "Choose the same film for the same number (on the same database).") var seed: UInt64?

    func run() throws {
        let suggestion = try global.open().next(collection: collection, seed: seed)
        let film = suggestion.film
        var text = "\(film.displayTitle)  [id \(film.id!)]"
        if !film.description.isEmpty { text += "\n\n" + film.description }
        text += "\n\nChosen from \(suggestion.choices) unwatched film\(suggestion.choices == 1 ? "" : "s"). After watching: watchlist watch \(film.id!)"
        Terminal.out(text)
    }
}

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Your diary in numbers: progress, viewings by year, decades, ratings, rewatches, gaps.")

    @OptionGroup var global: GlobalOptions
    /// Only this collection's films.
    @Option(help: ArgumentHelp("Only this collection's films.", valueName: "slug")) var collection: String?
    /// Print JSON instead of text.
    @Flag(help: "Print one JSON document.") var json = false

    func run() throws {
        let stats = try global.open().stats(collection: collection)
        if json { return Terminal.json(try JSONDocument.stats(stats)) }
        var lines: [String] = []
        for progress in stats.collections {
            lines.append("\(progress.collection.title): \(progress.watchedCount) of \(progress.filmCount) watched  "
                + Bars.bar(progress.watchedCount, of: progress.filmCount, width: 20))
        }
        lines.append("")
        let dated = stats.viewingsByYear.map(\.count).reduce(0, +)
        lines.append("Viewings: \(stats.viewings)" + (dated < stats.viewings ? " (\(stats.viewings - dated) on an unknown day)" : ""))
        let yearly = stats.viewingsByYear.map(\.count).max() ?? 0
        for year in stats.viewingsByYear {
            lines.append("  \(year.label)  \(Bars.bar(year.count, of: yearly, width: 30, empty: " ")) \(year.count)")
        }
        if !stats.filmsByDecade.isEmpty {
            lines.append("")
            lines.append("Watched films by decade:")
            let most = stats.filmsByDecade.map(\.count).max() ?? 0
            for decade in stats.filmsByDecade {
                lines.append("  \(decade.label)  \(Bars.bar(decade.count, of: most, width: 30, empty: " ")) \(decade.count)")
            }
        }
        lines.append("")
        let rated = stats.ratings.map(\.count).reduce(0, +)
        lines.append("Ratings: \(rated)" + (stats.averageRating.map { String(format: ", average %.2f", $0) } ?? ""))
        let mostRated = stats.ratings.map(\.count).max() ?? 0
        for (index, rating) in stats.ratings.enumerated() {
            let stars = StarRating(halfStars: index + 1)!.starsText
            lines.append("  " + stars.padding(toLength: 6, withPad: " ", startingAt: 0)
                + " \(Bars.column(rating.count, of: mostRated)) \(rating.count)")
        }
        if !stats.mostRewatched.isEmpty {
            lines.append("")
            lines.append("Most rewatched:")
            for film in stats.mostRewatched { lines.append("  \(film.viewings)×  \(film.film)") }
        }
        if let gap = stats.longestGap {
            lines.append("")
            lines.append("Longest gap between viewings: \(gap.days) days, \(gap.from) to \(gap.to)")
        }
        Terminal.out(lines.joined(separator: "\n"))
    }
}

/// Unicode bars for people.
enum Bars {
    /// A bar of `width` cells, `value` of `total` filled.
    static func bar(_ value: Int, of total: Int, width: Int, empty: Character = "░") -> String {
        guard total > 0 else { return String(repeating: empty, count: width) }
        let filled = Int((Double(value) / Double(total) * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: empty, count: width - filled)
    }

    /// A horizontal bar in eighths of a cell, like Letterboxd's histogram turned on its side.
    static func column(_ value: Int, of most: Int, width: Int = 24) -> String {
        guard most > 0, value > 0 else { return "" }
        let eighths = max(1, Int((Double(value) / Double(most) * Double(width * 8)).rounded()))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        return String(repeating: "█", count: eighths / 8) + partial
    }
}

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search titles, descriptions, facts, notes and tags; best matches first.",
        discussion: "Every word must match (the last one also as the start of a word); case and accents are ignored.")

    @OptionGroup var global: GlobalOptions
    /// The words.
    @Argument(help: "The words to look for, such as: arctic war.") var words: [String]
    /// Print JSON instead of text.
    @Flag(help: "Print one JSON array of matches.") var json = false

    func run() throws {
        let highlight = !json && global.colors
        let hits = try global.open().search(words.joined(separator: " "), open: highlight ? "\u{1B}[1;4m" : "",
                                            close: highlight ? "\u{1B}[0m" : "")
        if json { return Terminal.json(try JSONDocument.searchHits(hits)) }
        guard !hits.isEmpty else {
            Terminal.note("Nothing matches '\(words.joined(separator: " "))'.")
            throw ExitCode(ExitStatus.notFound)
        }
        Terminal.out(hits.map { hit in
            "\(String(hit.film.id!).leftPadded(to: 4))  \(hit.film.displayTitle)\n      \(hit.snippet.replacingOccurrences(of: "\n", with: " "))"
        }.joined(separator: "\n"))
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
