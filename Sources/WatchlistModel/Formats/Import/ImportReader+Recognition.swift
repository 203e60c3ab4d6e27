import Foundation

extension ImportReader {
    /// Whether `bytes` look like something `import` reads: a .zip, JSON, or a CSV whose header
    /// row is an export's. For `collection import` to point to `import`.
    public static func looksLikeExport(_ bytes: [UInt8], name: String) -> Bool {
        if bytes.starts(with: ImportSource.zipMagic) { return true }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let first = bytes[start...].first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return true }
        let line = bytes[start...].prefix { $0 != 0x0A && $0 != 0x0D }
        guard let text = String(validating: line, as: UTF8.self) else { return false }
        let header = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        return header.count > 1 && (ImportKind.recognise(header, name: name) != nil || ImportKind.claimed(by: header, name: name) != nil)
            || text.hasPrefix("Letterboxd list export")
    }
}
