import WatchlistFuzzCore

// libFuzzer target: the collection text parser. Any input may be refused with a
// WatchlistError; none may crash, hang or read out of bounds. Built by scripts/fuzz.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCollection(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? CollectionText.parse(bytes: UnsafeBufferPointer(start: data, count: size), source: "fuzz.txt")
    return 0
}
