/// A message to show a person, kept as a catalogue key and its arguments so that it can be
/// shown in either language.
public struct LocalizedMessage: Equatable, Sendable, Codable {
    public let key: String
    public let arguments: [String]

    public init(_ key: String, _ arguments: String...) {
        self.key = key
        self.arguments = arguments
    }

    public init(key: String, arguments: [String]) {
        self.key = key
        self.arguments = arguments
    }

    public func text(in language: Language) -> String {
        StringCatalogue.text(key, language: language, arguments: arguments)
    }
}

public enum Language: String, CaseIterable, Sendable, Codable {
    case id, en
}
