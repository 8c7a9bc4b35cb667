import Foundation

/// xl/sharedStrings.xml: each `<si>` as plain text, rich text runs joined, phonetic runs (`<rPh>`) left out.
enum XLSXSharedStrings {
    static func parse(_ data: Data?, part: String) throws(SpreadsheetError) -> [String] {
        guard let data else { return [] }
        let parser = SharedStringsParser()
        try parser.parse(data, part: part)
        return parser.strings
    }
}

private final class SharedStringsParser: XMLPartParser {
    var strings: [String] = []
    private var current = ""
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "sst":
            if let count = attributes["uniqueCount"].flatMap({ Int($0) }) {
                strings.reserveCapacity(min(count, 1_000_000))
            }
        case "si":
            inItem = true
            current = ""
        case "rPh":
            phoneticDepth += 1
        case "t":
            inText = inItem && phoneticDepth == 0
        default:
            break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "si":
            strings.append(XMLText.unescapeOOXML(current))
            inItem = false
        case "rPh":
            phoneticDepth -= 1
        case "t":
            inText = false
        default:
            break
        }
    }

    override func characters(_ text: String) {
        if inText { current += text }
    }
}
