import Foundation

/// A rating from half a star to five stars, kept as a whole number of half stars (1…10).
public struct StarRating: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let halfStars: Int

    public init?(halfStars: Int) {
        guard (1...10).contains(halfStars) else { return nil }
        self.halfStars = halfStars
    }

    private init(checked halfStars: Int) {
        self.halfStars = halfStars
    }

    /// Every rating, from half a star to five stars.
    public static let all: [StarRating] = (1...10).map(StarRating.init(checked:))

    /// Stars as a number: 0.5 … 5.
    public var stars: Double { Double(halfStars) / 2 }

    /// `4.5`, `4`: the form exports and `--json` use.
    public var decimal: String { halfStars % 2 == 0 ? String(halfStars / 2) : "\(halfStars / 2).5" }

    /// `★★★★½`, as Letterboxd draws it.
    public var starsText: String {
        String(repeating: "★", count: halfStars / 2) + (halfStars % 2 == 1 ? "½" : "")
    }

    public var description: String { decimal }

    /// Reads what people type: `4`, `4.5`, `4,5`, `4½`, `★★★★½`, `9/10` (ten-point scales are
    /// halved) or `4.5/5`. Anything that is not a multiple of half a star from 0.5 to 5 is nil.
    public init?(parsing input: String) {
        let text = input.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.count <= 16 else { return nil }
        if text.allSatisfy({ $0 == "★" || $0 == "½" }) {
            let whole = text.filter { $0 == "★" }.count
            let halves = text.filter { $0 == "½" }.count
            guard halves <= 1, !(halves == 1 && text.last != "½") else { return nil }
            self.init(halfStars: whole * 2 + halves)
            return
        }
        if let slash = text.firstIndex(of: "/") {
            guard let value = StarRating.halves(of: String(text[..<slash])),
                  let scale = Int(text[text.index(after: slash)...].trimmingCharacters(in: .whitespaces)) else { return nil }
            switch scale {
            case 10 where value % 2 == 0: self.init(halfStars: value / 2)  // 9/10 → 4.5 stars
            case 5: self.init(halfStars: value)
            default: return nil
            }
            return
        }
        guard let value = StarRating.halves(of: text) else { return nil }
        self.init(halfStars: value)
    }

    /// `4` → 8, `4.5`/`4,5`/`4½` → 9; nil for anything that is not a whole number of halves.
    private static func halves(of raw: String) -> Int? {
        var text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        var half = 0
        if text.hasSuffix("½") {
            text.removeLast()
            half = 1
            if text.isEmpty { return 1 }
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0].isEmpty ? "0" : parts[0]), whole < 100 else { return nil }
        var halves = whole * 2 + half
        if parts.count == 2 {
            guard half == 0, !parts[1].isEmpty else { return nil }
            switch parts[1].trimmingTrailingZeros {
            case "": break
            case "5": halves += 1
            default: return nil
            }
        }
        return halves
    }

    public static func < (lhs: StarRating, rhs: StarRating) -> Bool { lhs.halfStars < rhs.halfStars }
}

private extension Substring {
    var trimmingTrailingZeros: Substring {
        var text = self
        while text.last == "0" { text.removeLast() }
        return text
    }
}
