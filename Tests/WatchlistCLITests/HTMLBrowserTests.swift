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
}
