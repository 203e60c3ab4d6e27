import Foundation

/// Where the database lives when `--db` is not given.
public enum DatabaseLocation {
    /// `explicit` (from --db), else $WATCHLIST_DB, else $XDG_DATA_HOME/watchlist/watchlist.sqlite
    /// when XDG_DATA_HOME is absolute, else ~/.local/share/watchlist/watchlist.sqlite.
    public static func resolve(explicit: String?, environment: [String: String]) throws -> String {
        if let explicit {
            guard !explicit.isEmpty else {
                throw WatchlistError.invalidArgument("--db needs a file path, such as --db ~/films.sqlite.")
            }
            return explicit
        }
        if let path = environment["WATCHLIST_DB"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return (data as NSString).appendingPathComponent("watchlist/watchlist.sqlite")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw WatchlistError.databaseUnavailable(path: "~/.local/share/watchlist/watchlist.sqlite",
                reason: "HOME is not set; pass --db PATH or set WATCHLIST_DB")
        }
        return (home as NSString).appendingPathComponent(".local/share/watchlist/watchlist.sqlite")
    }
}
