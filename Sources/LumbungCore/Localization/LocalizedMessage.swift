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
        StringCatalogue.text(key, language: language, arguments: arguments.map { Self.render($0, in: language) })
    }

    /// An argument that is a calendar day, written in each language's own way when shown
    /// ("26 April 2020" in both, "26 Mei 2020" / "26 May 2020").
    public static func day(_ date: CalendarDate) -> String { dayMarker + date.description }

    /// An argument that is a number, grouped in each language's own way ("1.234" / "1,234").
    public static func count(_ value: Int) -> String { countMarker + String(value) }

    /// Arguments that are catalogue texts themselves ("status.draft"), shown in the message's
    /// language, joined by commas when there are several.
    public static func terms(_ keys: [String]) -> String { termsMarker + keys.joined(separator: "\u{2}") }
    public static func term(_ key: String) -> String { terms([key]) }

    private static let dayMarker = "\u{1}day:"
    private static let countMarker = "\u{1}count:"
    private static let termsMarker = "\u{1}terms:"

    private static func render(_ argument: String, in language: Language) -> String {
        if argument.hasPrefix(dayMarker), let date = CalendarDate(parsing: String(argument.dropFirst(dayMarker.count))) {
            return IndonesianFormat.date(date, language: language)
        }
        if argument.hasPrefix(countMarker), let value = Int(argument.dropFirst(countMarker.count)) {
            return IndonesianFormat.number(value, language: language)
        }
        if argument.hasPrefix(termsMarker) {
            return argument.dropFirst(termsMarker.count).split(separator: "\u{2}")
                .map { StringCatalogue.text(String($0), language: language) }.joined(separator: ", ")
        }
        return argument
    }
}

public enum Language: String, CaseIterable, Sendable, Codable {
    case id, en
}
