/// What the fuzz targets share. Each target defines `LLVMFuzzerTestOneInput`; built with
/// `swift build --sanitize fuzzer`, SwiftPM compiles it as a library and libFuzzer provides
/// `main`.

/// The input as bytes.
public func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
