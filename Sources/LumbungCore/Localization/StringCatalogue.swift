import Foundation

/// The one place every interface text lives, in Bahasa Indonesia first and English second.
/// `{0}`, `{1}` … stand for arguments. A test fails when a key used anywhere is missing in
/// either language.
///
/// The registry's texts are two tables (`StringCatalogueTexts.swift`); every later feature
/// keeps its texts in a file of its own as pairs, both languages side by side.
public enum StringCatalogue {
    /// One text in both languages.
    public struct Pair: Sendable {
        public let id: String
        public let en: String

        public init(_ id: String, _ en: String) {
            self.id = id
            self.en = en
        }
    }

    /// Every feature's pairs, merged into the two tables once.
    static let featureTexts: [[String: Pair]] = [accountTexts, securityTexts, competitionTexts, competitionPageTexts, evaluationTexts, evaluationPageTexts, indexTexts, indexPageTexts, inventoryTexts]

    static let indonesian: [String: String] = merged(baseIndonesian, \.id)
    static let english: [String: String] = merged(baseEnglish, \.en)

    private static func merged(_ base: [String: String], _ language: KeyPath<Pair, String>) -> [String: String] {
        var table = base
        for texts in featureTexts {
            for (key, pair) in texts { table[key] = pair[keyPath: language] }
        }
        return table
    }

    /// Keys defined more than once (a test keeps this empty).
    public static var duplicateKeys: [String] {
        var seen = Set(baseIndonesian.keys)
        var duplicates: [String] = []
        for texts in featureTexts {
            for key in texts.keys {
                if !seen.insert(key).inserted { duplicates.append(key) }
            }
        }
        return duplicates.sorted()
    }

    public static func text(_ key: String, language: Language, arguments: [String] = []) -> String {
        let table = language == .id ? indonesian : english
        let text = table[key] ?? indonesian[key] ?? key
        return arguments.isEmpty ? text : filling(text, with: arguments)
    }

    /// `{0}`, `{1}`, … replaced by the arguments in one pass, so that an argument's own text
    /// (a name with `{1}` in it) is shown as it is; a placeholder with no argument stays.
    static func filling(_ text: String, with arguments: [String]) -> String {
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"),
                  let index = Int(rest[afterOpen..<close]), arguments.indices.contains(index) else {
                result += rest[...open]
                rest = rest[afterOpen...]
                continue
            }
            result += rest[..<open]
            result += arguments[index]
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    public static func table(_ language: Language) -> [String: String] {
        language == .id ? indonesian : english
    }
}
