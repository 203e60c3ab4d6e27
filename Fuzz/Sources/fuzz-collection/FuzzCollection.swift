import FuzzDriver
import WatchlistModel

// The collection text parser. Any input may be refused with a WatchlistError; none may crash,
// hang or read out of bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = try? CollectionText.parse(bytes: bytes(data, size), source: "fuzz.txt")
    return 0
}
