import Foundation
import Testing

@Suite("html export in a browser", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
                                            "needs Debian's chromium package (.ci/run installs it)"))
struct HTMLBrowserTests {
    @Test("headless Chromium renders the page with the collection, stars, days, tags and notes, and takes a screenshot")
    func chromium() throws {
        let sandbox = try Sandbox()
        try sandbox.run("watch", "ascent", "--on", "2024-01-12")
        try sandbox.run("rate", "ascent", "4.5")
        try sandbox.run("tag", "ascent", "winter")
        try sandbox.run("note", "ascent", "<i>Bleak</i> & beautiful.")
        let page = sandbox.folder + "/diary.html"
        #expect(try sandbox.run("export", "--format", "html", "-o", page).status == 0)
        let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(sandbox.folder)/chromium"]
        let dom = try sandbox.runRaw(arguments + ["--dump-dom", "file://\(page)"], executable: "/usr/bin/chromium")
        #expect(dom.status == 0)
        for text in ["Soviet Survival Films", "The Ascent", "★★★★½", "Watched 2024-01-12", "winter", "&lt;i&gt;Bleak&lt;/i&gt; &amp; beautiful.", "1 of 10 watched"] {
            #expect(dom.stdout.contains(text), "\(text)")
        }
        let shot = sandbox.folder + "/diary.png"
        let screenshot = try sandbox.runRaw(arguments + ["--window-size=1100,1300", "--screenshot=\(shot)", "file://\(page)"], executable: "/usr/bin/chromium")
        #expect(screenshot.status == 0)
        let png = try #require(FileManager.default.contents(atPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000, "a rendered page, not a blank one")
    }

    @Test("headless Chromium renders the year in review: the figures, the bars with their names, what is unknown")
    func yearInReview() throws {
        let sandbox = try Sandbox()
        for arguments in [
            ["film", "set", "ascent", "--director", "Larisa Shepitko", "--runtime", "111", "--genre", "Drama", "--country", "Soviet Union"],
            ["film", "set", "red tent", "--director", "Mikhail Kalatozov", "--runtime", "158", "--genre", "Adventure", "--genre", "Drama"],
            ["watch", "ascent", "--on", "2026-01-10"], ["watch", "ascent", "--on", "2026-03-01", "--rewatch"], ["rate", "ascent", "4.5"],
            ["watch", "red tent", "--on", "2026-02-01"], ["watch", "flight", "--on", "2026-04-01"],
            ["film", "set", "flight", "--director", "<script>alert(1)</script>"],
        ] {
            #expect(try sandbox.runRaw(arguments).status == 0, "\(arguments)")
        }
        let page = sandbox.folder + "/review.html"
        #expect(try sandbox.run("export", "--format", "html", "--year", "2026", "-o", page).status == 0)
        let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(sandbox.folder)/chromium"]
        let dom = try sandbox.runRaw(arguments + ["--dump-dom", "file://\(page)"], executable: "/usr/bin/chromium")
        #expect(dom.status == 0)
        for text in ["2026 in review", ">4<", "viewings", "6.3", "hours", "380 minutes", "25%", "Longest", "The Red Tent (1969)",
                     "Most-watched directors", "Larisa Shepitko", "★ 4.50", "Most-watched genres", "Drama", "Soviet Union",
                     "Runtime unknown: 1 film, 1 viewing", "&lt;script&gt;alert(1)&lt;/script&gt;"] {
            #expect(dom.stdout.contains(text), "\(text)")
        }
        #expect(!dom.stdout.contains("<script>"))
        let shot = sandbox.folder + "/review.png"
        let screenshot = try sandbox.runRaw(arguments + ["--window-size=1100,1300", "--screenshot=\(shot)", "file://\(page)"], executable: "/usr/bin/chromium")
        #expect(screenshot.status == 0)
        let png = try #require(FileManager.default.contents(atPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000, "a rendered page, not a blank one")
    }

    /// Lays `page` out at `width` pixels in headless Chromium and measures it: the width of
    /// every bar's track, the left edge of every film card, and the page's scroll width.
    private func layout(of page: String, width: Int, in sandbox: Sandbox) throws -> (tracks: [Int], lefts: [Int], scrollWidth: Int) {
        let frame = try sandbox.write("measure-\(width).html", """
            <!DOCTYPE html><html><body style="margin:0">
            <iframe id="page" src="file://\(page)" style="width:\(width)px;height:4000px;border:0"></iframe>
            <pre id="out"></pre>
            <script>
            document.getElementById('page').onload = function () {
              var d = this.contentDocument, w = function (e) { return Math.round(e.getBoundingClientRect().width); };
              var tracks = Array.from(d.querySelectorAll('.bars .track')).map(w);
              var lefts = Array.from(d.querySelectorAll('.films > li')).map(function (e) { return Math.round(e.getBoundingClientRect().left); });
              document.getElementById('out').textContent = [tracks.join(','), lefts.join(','), d.scrollingElement.scrollWidth].join(';');
            };
            </script></body></html>
            """)
        let dom = try sandbox.runRaw(["--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                                      "--user-data-dir=\(sandbox.folder)/chromium", "--dump-dom", "file://\(frame)"],
                                     executable: "/usr/bin/chromium")
        let start = try #require(dom.stdout.range(of: "<pre id=\"out\">"), "\(dom.stdout)")
        let end = try #require(dom.stdout.range(of: "</pre>", range: start.upperBound..<dom.stdout.endIndex))
        let parts = dom.stdout[start.upperBound..<end.lowerBound].split(separator: ";", omittingEmptySubsequences: false)
        try #require(parts.count == 3, "\(parts)")
        func numbers(_ text: Substring) -> [Int] { text.split(separator: ",").compactMap { Int($0) } }
        return (numbers(parts[0]), numbers(parts[1]), Int(parts[2]) ?? -1)
    }

    @Test("at 400 pixels (a phone) and at 1200 both pages fit the window; the bars' tracks are wide and line up; films go in one column on a phone")
    func widths() throws {
        let sandbox = try Sandbox()
        for arguments in [
            ["film", "set", "ascent", "--director", "Larisa Shepitko", "--runtime", "111", "--genre", "Drama", "--country", "Soviet Union"],
            ["film", "set", "red tent", "--director", "Mikhail Kalatozov with a name long enough to need more than one line on a phone",
             "--runtime", "158", "--genre", "Adventure", "--genre", "Drama"],
            ["watch", "ascent", "--on", "2026-01-10"], ["watch", "red tent", "--on", "2026-02-01"], ["rate", "ascent", "4.5"],
            ["note", "ascent", String(repeating: "Snow. ", count: 80)],
        ] {
            #expect(try sandbox.runRaw(arguments).status == 0, "\(arguments)")
        }
        let review = sandbox.folder + "/review.html", diary = sandbox.folder + "/diary.html"
        #expect(try sandbox.run("export", "--format", "html", "--year", "2026", "-o", review).status == 0)
        #expect(try sandbox.run("export", "--format", "html", "-o", diary).status == 0)

        for width in [400, 1200] {
            let page = try layout(of: review, width: width, in: sandbox)
            #expect(page.scrollWidth <= width, "the year in review at \(width) px scrolls sideways: \(page.scrollWidth)")
            #expect(page.tracks.count >= 4, "\(page.tracks)")
            #expect(page.tracks.allSatisfy { $0 >= width / 4 }, "at \(width) px every track is at least a quarter of the page: \(page.tracks)")
            #expect(Set(page.tracks).count == 1, "the tracks line up at \(width) px: \(page.tracks)")

            let films = try layout(of: diary, width: width, in: sandbox)
            #expect(films.scrollWidth <= width, "the diary at \(width) px scrolls sideways: \(films.scrollWidth)")
            #expect(films.lefts.count == 10)
            if width == 400 {
                #expect(Set(films.lefts).count == 1, "one column on a phone: \(films.lefts)")
            } else {
                #expect(Set(films.lefts).count >= 3, "several columns on a wide screen: \(films.lefts)")
            }
        }
    }
}
