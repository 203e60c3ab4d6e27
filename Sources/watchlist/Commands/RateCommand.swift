import ArgumentParser
import WatchlistCore

struct RateCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Rate a film from 0.5 to 5 stars in steps of half a star.",
        discussion: "Accepts 4, 4.5, 4.5/5, 4½, ★★★★½ and ten-point ratings such as 9/10 (halved). "
            + "Rating a film what it is rated already changes nothing (exit 1).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: FilmArgument
    /// The rating.
    @Argument(help: "The rating: 0.5 to 5 in steps of 0.5 (4.5), 4½, ★★★★½, or n/10.") var rating: String

    struct Request: Equatable {
        var film: String
        var rating: StarRating

        /// `rate <film> <rating>` as typed.
        init(film: String, rating text: String) throws {
            guard let rating = StarRating(parsing: text) else { throw WatchlistError.invalidRating(text) }
            (self.film, self.rating) = (film, rating)
        }
    }

    func request() throws -> Request { try Request(film: target.film, rating: rating) }

    static func perform(_ request: Request, _ context: Context) throws -> RateResult {
        try context.watchlist().rate(request.film, request.rating)
    }

    static func render(_ result: RateResult, for request: Request, _ context: Context) throws {
        let glyphs = context.glyphs
        let previous = result.previous.map { ", was \(glyphs.rating($0))" } ?? ""
        Terminal.out("Rated \(result.film.displayTitle) \(glyphs.rating(result.rating))\(previous)")
    }
}

struct UnrateCommand: Performing {
    static let configuration = CommandConfiguration(commandName: "unrate", abstract: "Remove a film's rating.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: FilmArgument

    struct Request: Equatable {
        var film: String
    }

    func request() -> Request { Request(film: target.film) }

    static func perform(_ request: Request, _ context: Context) throws -> UnrateResult {
        try context.watchlist().unrate(request.film)
    }

    static func render(_ result: UnrateResult, for request: Request, _ context: Context) throws {
        Terminal.out("Removed the rating \(context.glyphs.rating(result.removed)) of \(result.film.displayTitle)")
    }
}
