/// A count and its noun, as English writes them: "1 film", "2 films", "1 rewatch",
/// "3 rewatches", "1 entry", "4 entries". For every message and report that counts.
public func plural(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? noun : plural ?? pluralForm(noun))
}

/// The plural of a noun the tool counts.
func pluralForm(_ noun: String) -> String {
    if noun.hasSuffix("ch") || noun.hasSuffix("sh") || noun.hasSuffix("s") || noun.hasSuffix("x") { return noun + "es" }
    if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) { return noun.dropLast() + "ies" }
    return noun + "s"
}
