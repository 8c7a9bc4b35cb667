import Foundation

/// The one place every interface text lives, in Bahasa Indonesia first and English second.
/// `{0}`, `{1}` … stand for arguments. A test fails when a key used anywhere is missing in
/// either language.
public enum StringCatalogue {
    public static func text(_ key: String, language: Language, arguments: [String] = []) -> String {
        let table = language == .id ? indonesian : english
        var text = table[key] ?? indonesian[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }

    public static func table(_ language: Language) -> [String: String] {
        language == .id ? indonesian : english
    }
}
