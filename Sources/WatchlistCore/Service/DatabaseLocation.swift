import Foundation

/// Where the database lives when `--db` is not given.
public enum DatabaseLocation {
    /// `explicit` (from --db), else $WATCHLIST_DB, else $XDG_DATA_HOME/watchlist/watchlist.sqlite
    /// when XDG_DATA_HOME is absolute, else ~/.local/share/watchlist/watchlist.sqlite.
    /// Whether the person chose the path (--db or $WATCHLIST_DB) rather than taking the default.
    public static func isChosen(explicit: String?, environment: [String: String]) -> Bool {
        explicit != nil || !(environment["WATCHLIST_DB"] ?? "").isEmpty
    }

    public static func resolve(explicit: String?, environment: [String: String]) throws -> String {
        if let explicit {
            guard !explicit.isEmpty else {
                throw WatchlistError.invalidArgument("The database path is empty; give a file path, such as ~/films.sqlite.")
            }
            return explicit
        }
        if let path = environment["WATCHLIST_DB"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return (data as NSString).appendingPathComponent("watchlist/watchlist.sqlite")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw WatchlistError.homeNotUsable(home: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 })
        }
        return (home as NSString).appendingPathComponent(".local/share/watchlist/watchlist.sqlite")
    }
}
