import ArgumentParser
import WatchlistCore

struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Rate a film from 0.5 to 5 stars in steps of half a star.",
        discussion: "Accepts 4, 4.5, 4½, ★★★★½ and ten-point ratings such as 9/10 (halved).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: FilmArgument
    /// The rating.
    @Argument(help: "The rating: 0.5 to 5 in steps of 0.5, 4½, ★★★★½ or n/10.") var rating: String

    func run() throws {
        try RateCommand.perform(global.values, film: target.film, rating: rating)
    }

    static func perform(_ global: Globals, film: String, rating: String) throws {
        let result = try global.open().rate(film, rating)
        let previous = result.previous.map { ", was \($0.starsText) (\($0.decimal))" } ?? ""
        Terminal.out("Rated \(result.film.displayTitle) \(result.rating.starsText) (\(result.rating.decimal))\(previous)")
    }
}

struct UnrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unrate", abstract: "Remove a film's rating.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: FilmArgument

    func run() throws {
        try UnrateCommand.perform(global.values, film: target.film)
    }

    static func perform(_ global: Globals, film: String) throws {
        let result = try global.open().unrate(film)
        Terminal.out("Removed the rating \(result.removed.starsText) (\(result.removed.decimal)) of \(result.film.displayTitle)")
    }
}
