import Foundation
import WatchlistCore

/// The `--json` documents of the commands that report: `stats` (with its year in review) and
/// `import`. Same style as every `--json` (JSONOutput.swift).
extension JSONOutput {
    /// `stats --json`.
    static func stats(_ stats: Stats) -> Data {
        var json = JSONWriter()
        func counts(_ counts: [Stats.Count]) {
            json.beginArray()
            for count in counts {
                json.beginObject()
                json.key("count"); json.int(count.count)
                json.key("label"); json.string(count.label)
                json.endObject()
            }
            json.endArray()
        }
        json.beginObject()
        json.key("averageRating"); json.double(stats.averageRating)
        json.key("collections"); json.beginArray()
        for progress in stats.collections {
            json.beginObject()
            json.key("films"); json.int(progress.filmCount)
            json.key("slug"); json.string(progress.collection.slug)
            json.key("title"); json.string(progress.collection.title)
            json.key("watched"); json.int(progress.watchedCount)
            json.endObject()
        }
        json.endArray()
        json.key("filmsByDecade"); counts(stats.filmsByDecade)
        json.key("longestGap")
        if let gap = stats.longestGap {
            json.beginObject()
            json.key("days"); json.int(gap.days)
            json.key("from"); json.string(gap.from.iso)
            json.key("to"); json.string(gap.to.iso)
            json.endObject()
        } else {
            json.null()
        }
        json.key("mostRewatched"); json.beginArray()
        for film in stats.mostRewatched {
            json.beginObject()
            json.key("film"); json.string(film.film)
            json.key("viewings"); json.int(film.viewings)
            json.endObject()
        }
        json.endArray()
        json.key("ratings"); counts(stats.ratings)
        json.key("review"); review(stats.review, into: &json)
        json.key("viewings"); json.int(stats.viewings)
        json.key("viewingsByYear"); counts(stats.viewingsByYear)
        json.endObject()
        return Data(json.bytes)
    }

    /// The year in review of `stats --json`.
    static func review(_ review: YearInReview, into json: inout JSONWriter) {
        func ranked(_ entries: [YearInReview.Ranked]) {
            json.beginArray()
            for entry in entries {
                json.beginObject()
                json.key("averageRating"); json.double(entry.averageRating.map { ($0 * 100).rounded() / 100 })
                json.key("films"); json.int(entry.films)
                json.key("name"); json.string(entry.name)
                json.endObject()
            }
            json.endArray()
        }
        func film(_ watched: YearInReview.Watched?) {
            guard let watched else { return json.null() }
            json.beginObject()
            json.key("id"); json.int(watched.film.number)
            json.key("minutes"); json.int(watched.metadata.runtime)
            json.key("title"); json.string(watched.film.title)
            json.key("year"); json.int(watched.film.year)
            json.endObject()
        }
        json.beginObject()
        json.key("countries"); ranked(review.countries)
        json.key("directors"); ranked(review.directors)
        json.key("films"); json.int(review.films)
        json.key("filmsOfUnknownRuntime"); json.int(review.filmsOfUnknownRuntime)
        json.key("filmsWithCountries"); json.int(review.filmsWithCountries)
        json.key("filmsWithDirectors"); json.int(review.filmsWithDirectors)
        json.key("filmsWithGenres"); json.int(review.filmsWithGenres)
        json.key("genres"); ranked(review.genres)
        // Unknown when no film watched has a runtime: null, never 0.
        json.key("hours"); json.double(review.hoursKnown ? (review.hours * 100).rounded() / 100 : nil)
        json.key("longest"); film(review.longest)
        json.key("minutes"); json.int(review.hoursKnown ? review.minutes : nil)
        json.key("rewatchShare"); json.double(review.rewatchShare.map { ($0 * 1000).rounded() / 1000 })
        json.key("rewatches"); json.int(review.rewatches)
        json.key("shortest"); film(review.shortest)
        json.key("viewings"); json.int(review.viewings)
        json.key("viewingsOfUnknownRuntime"); json.int(review.viewingsOfUnknownRuntime)
        json.key("viewingsOnUnknownDays"); json.int(review.viewingsOnUnknownDays)
        json.key("year"); json.int(review.year)
        json.key("years"); json.beginArray()
        for year in review.byYear {
            json.beginObject()
            json.key("minutes"); json.int(year.minutes)
            json.key("viewings"); json.int(year.viewings)
            json.key("viewingsOfUnknownRuntime"); json.int(year.viewingsOfUnknownRuntime)
            json.key("year"); json.int(year.year)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// `import --json`: the import's report.
    static func importReport(_ report: ImportReport) -> Data {
        var json = JSONWriter()
        func counts(_ counts: ImportReport.Counts) {
            json.beginObject()
            json.key("notes"); json.int(counts.notes)
            json.key("placeholders"); json.int(counts.placeholders)
            json.key("ratings"); json.int(counts.ratings)
            json.key("tags"); json.int(counts.tags)
            json.key("viewings"); json.int(counts.viewings)
            json.endObject()
        }
        func types(_ counts: [String: Int]) {
            json.beginObject()
            for (type, count) in counts.sorted(by: { $0.key < $1.key }) { json.key(type); json.int(count) }
            json.endObject()
        }
        json.beginObject()
        json.key("added"); counts(report.added)
        json.key("collectionsCreated"); json.strings(report.collectionsCreated)
        json.key("conflicts"); json.beginArray()
        for conflict in report.conflicts {
            json.beginObject()
            json.key("film"); json.string(conflict.film)
            json.key("kept"); json.string(conflict.importedWon ? "imported" : "ours")
            json.key("ours"); json.stars(conflict.ours)
            json.key("theirs"); json.stars(conflict.theirs)
            json.endObject()
        }
        json.endArray()
        json.key("dryRun"); json.bool(report.dryRun)
        json.key("editedNotesKept"); json.int(report.editedNotesKept)
        json.key("files"); json.beginArray()
        for file in report.files {
            json.beginObject()
            json.key("kind"); json.string(file.kind.rawValue)
            json.key("path"); json.string(file.path)
            json.key("rows"); json.int(file.rows)
            json.endObject()
        }
        json.endArray()
        json.key("films"); json.beginObject()
        json.key("created"); json.int(report.filmsCreated)
        json.key("factsChanged"); json.int(report.filmsWithNewFacts)
        json.key("matched"); json.int(report.filmsMatched)
        json.key("removed"); json.int(report.filmsRemoved)
        json.key("skipped"); json.int(report.skippedFilms.count)
        json.key("skippedTitles"); json.strings(report.skippedFilms)
        json.endObject()
        json.key("idsAdded"); json.int(report.idsAdded)
        json.key("ignoredFiles"); json.beginArray()
        for file in report.ignoredFiles {
            json.beginObject()
            json.key("path"); json.string(file.path)
            json.key("reason"); json.string(file.reason)
            json.endObject()
        }
        json.endArray()
        json.key("lists"); json.beginArray()
        for list in report.lists {
            json.beginObject()
            json.key("created"); json.bool(list.created)
            json.key("films"); json.int(list.films)
            json.key("missing"); json.strings(list.missing)
            json.key("slug"); json.string(list.slug)
            json.key("title"); json.string(list.title)
            json.endObject()
        }
        json.endArray()
        json.key("listsLeftOut"); json.strings(report.listsLeftOut)
        json.key("notesUpdated"); json.int(report.notesUpdated)
        json.key("placeholdersReplaced"); json.int(report.placeholdersReplaced)
        json.key("reviewsAddedBeside"); json.int(report.reviewsAddedBeside)
        json.key("rows"); json.int(report.rows)
        json.key("skippedTitleTypes"); types(report.skippedTitleTypes)
        json.key("unchanged"); counts(report.unchanged)
        json.key("unknownTitleTypes"); types(report.unknownTitleTypes)
        json.key("warnings"); json.strings(report.warnings)
        json.key("warningsLeftOut"); json.int(report.warningsLeftOut)
        json.endObject()
        return Data(json.bytes)
    }
}
