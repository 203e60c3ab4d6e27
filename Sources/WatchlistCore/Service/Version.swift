/// This build's version, and the versions of the files it writes, for `watchlist --version`.
public enum WatchlistVersion {
    /// The release: raised with each one.
    public static let release = "0.9.0"

    /// "watchlist 0.9.0 (database schema 11, JSON document 5)": the current versions of each.
    public static var description: String {
        "watchlist \(release) (database schema \(SchemaMigrations.all.count), JSON document \(JSONDocument.version))"
    }
}
