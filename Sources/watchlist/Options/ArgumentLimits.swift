import WatchlistCore

/// Bounds on the command line, checked before anything parses it: the argument parser's work
/// grows with the square of the number of options (10,000 `--director` took minutes), and no
/// command needs more than these.
enum ArgumentLimits {
    /// The most arguments a command line may have.
    static let maximumArguments = 1_000
    /// The most times one option may be repeated (`--director`, `--genre`, `--country`): the
    /// most values a film fact keeps.
    static let maximumRepeats = MetadataField.maximumValues

    /// Why these arguments are refused, or nil.
    static func problem(_ arguments: [String]) -> String? {
        if arguments.count > maximumArguments {
            return "watchlist takes at most \(maximumArguments) arguments; \(arguments.count) were given."
        }
        var counts: [Substring: Int] = [:]
        for argument in arguments where argument.hasPrefix("--") && argument.count > 2 {
            let name = argument.split(separator: "=", maxSplits: 1)[0]
            counts[name, default: 0] += 1
            if let count = counts[name], count > maximumRepeats {
                return "At most \(maximumRepeats) values of \(name) are taken; more were given."
            }
        }
        return nil
    }
}
