import Foundation

/// `export --format html --year YYYY`: the year in review as one self-contained page (no
/// scripts, no external assets, bars drawn in CSS, every value escaped): viewings, hours,
/// rewatches, hours by month of the year, longest and shortest film, most-watched directors and
/// genres with their average ratings, films by country, and what the figures cover.
public enum ReviewPage {
    public static func render(_ review: YearInReview, exportedAt: String) -> String {
        let title = review.year.map { "\($0) in review" } ?? "Every year in review"
        var page = HTML.top(title: title, heading: title, style: HTMLExportWriter.style + "\n" + style, exportedAt: exportedAt,
                            mainClass: "review")
        guard review.viewings > 0 else {
            return page + "<p class=\"empty\">No viewings\(review.year.map { " in \($0)" } ?? "").</p>\n</main>\n</body>\n</html>\n"
        }
        page += "<section class=\"figures\">\n"
        page += figure("\(review.viewings)", "viewings", "of \(plural(review.films, "film"))")
        page += review.hoursKnown ? figure(String(format: "%.1f", review.hours), "hours", "\(review.minutes) minutes")
            : figure("?", "hours", "unknown: no film watched has a runtime")
        page += figure(String(format: "%.0f%%", (review.rewatchShare ?? 0) * 100), "rewatches", "\(review.rewatches) of \(review.viewings)")
        page += "</section>\n"
        var notes: [String] = []
        if review.hoursKnown, review.filmsOfUnknownRuntime > 0 {
            notes.append("Runtime unknown: \(plural(review.filmsOfUnknownRuntime, "film")), \(plural(review.viewingsOfUnknownRuntime, "viewing")), not counted in the hours.")
        }
        if review.viewingsOnUnknownDays > 0 {
            notes.append("\(plural(review.viewingsOnUnknownDays, "viewing")) on an unknown day, counted in the year they were logged.")
        }
        page += notes.map { "<p class=\"meta coverage\">\(HTML.escape($0))</p>\n" }.joined()
        if review.year == nil, review.byYear.count > 1 {
            page += bars("Hours by year", review.byYear.map { ("\($0.year)", Double($0.minutes) / 60, String(format: "%.1f h", Double($0.minutes) / 60)) })
        }
        if let longest = review.longest, let shortest = review.shortest {
            page += "<section><h2>Longest and shortest</h2>\n<ul class=\"extremes\">\n"
            page += "<li><span class=\"label\">Longest</span> \(HTML.escape(longest.film.titleWithYear)) · \(HTML.escape(FilmMetadata.runtimeText(longest.metadata.runtime ?? 0)))</li>\n"
            page += "<li><span class=\"label\">Shortest</span> \(HTML.escape(shortest.film.titleWithYear)) · \(HTML.escape(FilmMetadata.runtimeText(shortest.metadata.runtime ?? 0)))</li>\n"
            page += "</ul>\n</section>\n"
        }
        page += ranked("Most-watched directors", review.directors, known: review.filmsWithDirectors, of: review.films)
        page += ranked("Most-watched genres", review.genres, known: review.filmsWithGenres, of: review.films)
        page += ranked("Films by country", Array(review.countries.prefix(10)), known: review.filmsWithCountries, of: review.films)
        return page + "</main>\n</body>\n</html>\n"
    }

    private static func figure(_ value: String, _ label: String, _ detail: String) -> String {
        "<div class=\"figure\"><span class=\"value\">\(HTML.escape(value))</span><span class=\"label\">\(HTML.escape(label))</span>"
            + "<span class=\"meta\">\(HTML.escape(detail))</span></div>\n"
    }

    /// A titled list of horizontal bars: label, length relative to the largest, text.
    private static func bars(_ title: String, _ rows: [(label: String, value: Double, text: String)], note: String? = nil) -> String {
        let most = rows.map(\.value).max() ?? 0
        var html = "<section><h2>\(HTML.escape(title))</h2>\n"
        if let note { html += "<p class=\"meta\">\(HTML.escape(note))</p>\n" }
        html += "<ol class=\"bars\">\n"
        for row in rows {
            let percent = most > 0 ? Int((row.value / most * 100).rounded()) : 0
            html += "<li><span class=\"label\">\(HTML.escape(row.label))</span><span class=\"track\"><span class=\"fill\" style=\"width: \(percent)%\"></span></span>"
                + "<span class=\"count\">\(HTML.escape(row.text))</span></li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    private static func ranked(_ title: String, _ entries: [YearInReview.Ranked], known: Int, of films: Int) -> String {
        guard !entries.isEmpty else { return "" }
        return bars(title, Array(entries.prefix(10)).map { entry in
            (entry.name, Double(entry.films), "\(entry.films)" + (entry.averageRating.map { String(format: " · ★ %.2f", $0) } ?? ""))
        }, note: "\(known) of the \(plural(films, "film")) watched say.")
    }

    static let style = """
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 1rem; margin: 1.5rem 0 0.5rem; }
        .figure { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.1rem; display: flex; flex-direction: column; }
        .figure .value { font-size: 2.2rem; color: var(--accent); line-height: 1.1; }
        .figure .label { font: 0.95rem system-ui, sans-serif; }
        .figure .meta { margin: 0.2rem 0 0; }
        .bars { list-style: none; padding: 0; margin: 0.5rem 0; }
        .bars li { display: grid; grid-template-columns: minmax(6rem, 16rem) minmax(4rem, 1fr) 7rem; gap: 0.75rem; align-items: center; margin: 0.3rem 0; }
        .bars .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .bars .track { height: 12px; background: var(--line); border-radius: 6px; overflow: hidden; }
        .bars .fill { display: block; height: 100%; background: var(--accent); }
        .bars .count { font: 0.85rem system-ui, sans-serif; color: var(--muted); }
        .extremes { list-style: none; padding: 0; }
        @media (max-width: 560px) {
            .bars li { grid-template-columns: minmax(0, 1fr) max-content; gap: 0.2rem 0.75rem; margin: 0.5rem 0; }
            .bars .track { grid-column: 1 / -1; grid-row: 2; }
        }
        .extremes .label, .empty { color: var(--muted); font: 0.85rem system-ui, sans-serif; margin-right: 0.5rem; }
        """
}
