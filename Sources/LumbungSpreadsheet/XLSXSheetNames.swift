/// Sheet names Excel accepts: at most 31 characters, none of []:*?/\ , not starting or ending with
/// an apostrophe, not empty, not the reserved "History", unique regardless of case.
enum XLSXSheetNames {
    static let maxLength = 31

    static func unique(_ names: [String]) -> [String] {
        var taken: Set<String> = []
        var result: [String] = []
        for (index, name) in names.enumerated() {
            var base = clean(name)
            if base.isEmpty { base = "Sheet\(index + 1)" }
            if base.lowercased() == "history" { base += "_" }
            var candidate = truncated(base, to: maxLength)
            var counter = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " (\(counter))"
                candidate = truncated(base, to: maxLength - suffix.utf16.count) + suffix
                counter += 1
            }
            taken.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }

    private static func clean(_ name: String) -> String {
        let forbidden: Set<Unicode.Scalar> = ["[", "]", ":", "*", "?", "/", "\\"]
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars where !forbidden.contains(scalar) && scalar.value >= 0x20 && XMLText.isAllowed(scalar) {
            scalars.append(scalar)
        }
        var text = Substring(String(scalars))
        while text.hasPrefix("'") { text = text.dropFirst() }
        while text.hasSuffix("'") { text = text.dropLast() }
        return String(text)
    }

    /// At most `limit` UTF-16 units (Excel's measure), never splitting a character; a trailing
    /// apostrophe left by the cut is removed.
    private static func truncated(_ text: String, to limit: Int) -> String {
        var result = ""
        var length = 0
        for character in text {
            let units = character.utf16.count
            if length + units > limit { break }
            result.append(character)
            length += units
        }
        while result.hasSuffix("'") { result.removeLast() }
        return result
    }
}
