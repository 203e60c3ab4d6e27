/// The collection that ships inside the tool.
public enum BuiltInCollection {
    public static let slug = "soviet-survival"
    public static let title = "Soviet Survival Films"

    /// The built-in collection parsed from Schema/collections/soviet-survival-films.txt.
    public static func seed() throws -> CollectionSeed {
        let parsed = try CollectionText.parse(bytes: PackageResources.soviet_survival_films_txt, source: "soviet-survival-films.txt")
        return CollectionSeed(slug: slug, title: title, description: parsed.introduction, builtIn: true,
                              films: parsed.films.map { film in
                                  FilmDraft(title: film.title, year: film.year, description: film.description, fact: film.fact)
                              })
    }
}
