internal import GRDB

extension Store {
    func rating(filmId: Int64) throws -> Rating? {
        try one("SELECT * FROM rating WHERE filmId = ?", [filmId], Decode.rating)
    }

    /// Sets a rating as it is, its date included.
    func save(_ rating: Rating) throws {
        try execute("""
            INSERT INTO rating (filmId, halfStars, ratedAt) VALUES (?, ?, ?)
            ON CONFLICT (filmId) DO UPDATE SET halfStars = excluded.halfStars, ratedAt = excluded.ratedAt
            """, [rating.filmId, rating.value.halfStars, rating.ratedAt])
    }

    /// Sets a film's rating and returns the one it replaced.
    func setRating(filmId: Int64, _ rating: StarRating, ratedAt: String) throws -> Rating? {
        let previous = try self.rating(filmId: filmId)
        try save(Rating(filmId: filmId, value: rating, ratedAt: ratedAt))
        return previous
    }

    /// Removes a film's rating and returns it; nil when the film had none.
    func deleteRating(filmId: Int64) throws -> Rating? {
        guard let previous = try rating(filmId: filmId) else { return nil }
        try execute("DELETE FROM rating WHERE filmId = ?", [filmId])
        return previous
    }
}
