/// The argument parser's help on a narrow terminal. The parser lays help out in two columns
/// (a label, then its description from column 26), which it cannot do below about 30 columns:
/// there it writes each paragraph and each label with its description on one line
/// (`unwrappedWidth`), and this puts every description under its label, indented, for
/// `Wrapping` to fit to the width like any other text.
enum HelpText {
    /// A width no line of help reaches: the parser then wraps nothing.
    static let unwrappedWidth = 10_000

    static func fitted(_ help: String, width: Int?) -> String {
        guard let width, width < Environment.helpWidth else { return help }
        var lines: [String] = []
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            // "  --on <date>             The day: …": a label, two spaces or more, its description.
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let gap = line.dropFirst(2).range(of: "  ") else {
                lines.append(String(line))
                continue
            }
            let label = line[line.startIndex..<gap.lowerBound]
            let description = line[gap.upperBound...].drop { $0 == " " }
            lines.append(String(label))
            if !description.isEmpty { lines.append("      " + description) }
        }
        return lines.joined(separator: "\n")
    }
}
