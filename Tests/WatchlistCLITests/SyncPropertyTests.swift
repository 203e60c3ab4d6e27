import Foundation
import Testing

/// Random sequences of commands on three devices, synced at random moments in random orders,
/// always end with the same diary on every device once each has seen every file.
@Suite("sync: a property of random histories")
struct SyncPropertyTests {
    /// A small generator with a seed: the same seed, the same history (a failure names its seed).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let films = ["ascent", "red tent", "star", "edge", "flight", "stalker", "solaris"]

    /// One random command: its words.
    static func command(_ random: inout Generator) -> [String] {
        let film = films.randomElement(using: &random)!
        switch Int.random(in: 0..<14, using: &random) {
        case 12:
            // A collection (Stalker and Solaris come with it), or its removal with its films.
            return Bool.random(using: &random) ? ["collection", "import", projectRoot + "/docs/examples/tarkovsky.txt", "--title", "Tarkovsky"]
                : ["collection", "remove", "tarkovsky", "--force"]
        case 13: return ["import", projectRoot + "/docs/examples/letterboxd-export", "--add-missing"]
        case 0, 1: return ["watch", film, "--on", "2024-0\(Int.random(in: 1...9, using: &random))-1\(Int.random(in: 0...9, using: &random))"]
        case 2: return ["unwatch", film, "--all"]
        case 3, 4: return ["rate", film, String(Double(Int.random(in: 1...10, using: &random)) / 2)]
        case 5: return ["unrate", film]
        case 6: return ["note", film, "Note \(Int.random(in: 0..<1000, using: &random))."]
        case 7: return ["note", "edit", String(Int.random(in: 1...3, using: &random)), "Edited \(Int.random(in: 0..<1000, using: &random))."]
        case 8: return ["note", "delete", String(Int.random(in: 1...3, using: &random))]
        case 9: return ["tag", film, ["winter", "war", "arctic"].randomElement(using: &random)!]
        case 10: return ["untag", film, ["winter", "war", "arctic"].randomElement(using: &random)!]
        default: return ["film", "set", film, "--runtime", String(Int.random(in: 60...200, using: &random))]
        }
    }

    /// 60 seeds in a test run (about 100 s); `SYNC_SEEDS=300 swift test --filter SyncPropertyTests` runs more.
    static let seeds: [UInt64] = Array(1...(UInt64(ProcessInfo.processInfo.environment["SYNC_SEEDS"] ?? "") ?? 60))

    @Test("random commands and syncs on three devices converge", arguments: SyncPropertyTests.seeds)
    func converges(seed: UInt64) throws {
        var random = Generator(state: seed)
        let devices = try Devices(3)
        var minute = 0
        for _ in 0..<60 {
            minute += Int.random(in: 0...2, using: &random)
            let time = String(format: "2026-11-26T%02d:%02d:00Z", 12 + minute / 60, minute % 60)
            let device = Int.random(in: 0..<3, using: &random)
            if Int.random(in: 0..<4, using: &random) == 0 {
                try devices.sync(device, at: time)
                continue
            }
            let words = Int.random(in: 0..<15, using: &random) == 0 ? ["undo"] : SyncPropertyTests.command(&random)
            let run = try devices[device].run(words, with: ["WATCHLIST_NOW": time])
            // A command may find nothing to do (1) or a value it refuses (64); never more.
            #expect([0, 1, 64].contains(run.status), "seed \(seed), device \(device): \(words.joined(separator: " ")): \(run.stderr)")
        }
        try devices.syncAll(order: [Int](0..<3).shuffled(using: &random))
        try devices.expectConverged()
        for index in 0..<3 { #expect(try devices[index].run("db", "check").status == 0) }
    }
}
