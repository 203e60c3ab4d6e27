import Foundation
import FuzzDriver
import WatchlistCore

// A file in the folder the devices share, from another device: its bytes are anything. The
// input is the file's body; its checksum is made here (the decoder's first check would refuse
// nearly every mutation otherwise). `sync` either applies it or refuses it, and the database
// then passes `db check`: no crash, no hang, no damage, whatever the file says.
let folder: String = {
    let path = NSTemporaryDirectory() + "watchlist-fuzz-sync-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

let clock = WatchlistClock.fixed(Date(timeIntervalSince1970: 1_795_694_400))

/// A database with something of every kind, made once and copied for each input.
let template: String = {
    let path = folder + "/template.sqlite"
    try? FileManager.default.removeItem(atPath: path)
    guard let watchlist = try? Watchlist.open(path: path, clock: clock, busyTimeout: 0) else { fatalError("cannot make \(path)") }
    _ = try? watchlist.rate("ascent", StarRating(halfStars: 8)!)
    _ = try? watchlist.watch("red tent")
    return path
}()

/// The device a file names in its header, so that a seed written by the binary is found in its
/// folder; else a device id of the right form.
func device(_ input: [UInt8]) -> String {
    let head = String(decoding: input.prefix(400), as: UTF8.self)
    if let range = head.range(of: "\"device\":\""), head[range.upperBound...].count >= 16 {
        let id = String(head[range.upperBound...].prefix(16))
        if id.allSatisfy({ "0123456789abcdef".contains($0) }) { return id }
    }
    return "0123456789abcdef"
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let path = folder + "/w.sqlite", shared = folder + "/shared"
    try? FileManager.default.removeItem(atPath: path)
    try? FileManager.default.removeItem(atPath: shared)
    guard (try? FileManager.default.copyItem(atPath: template, toPath: path)) != nil else { fatalError("cannot copy the template") }
    let id = device(input)
    try? FileManager.default.createDirectory(atPath: shared + "/" + id, withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: shared + "/" + id + "/0000000001.wlsync", contents: Data(SyncFileSealing.seal(input))) else {
        fatalError("cannot write the file")
    }
    guard let watchlist = try? Watchlist.open(path: path, clock: clock, busyTimeout: 0) else { fatalError("cannot open the copy") }
    _ = try? watchlist.sync(folder: shared)
    do {
        try watchlist.check()
    } catch {
        fatalError("the database is not sound after a sync: \(error)")
    }
    return 0
}
