/// HTML written from Swift, for the pages that are asked most (the catalogue's search page):
/// Leaf's serializer cost more than the search itself there.
///
/// The escaping guarantee is in the types: markup can only come from a string literal
/// (`StaticString`, fixed when Lumbung is compiled), and every other value, whoever wrote it,
/// goes through `text(_:)`, which escapes `& < > " '` the way Leaf does, so that it is safe in
/// text and in a double-quoted attribute alike.
struct HTMLWriter {
    private(set) var html = ""

    init(capacity: Int = 16_384) { html.reserveCapacity(capacity) }

    /// Markup, only ever a literal in the source.
    mutating func markup(_ literal: StaticString) {
        literal.withUTF8Buffer { html += String(decoding: $0, as: UTF8.self) }
    }

    /// A value as text or as an attribute's content, escaped.
    mutating func text(_ value: String) {
        let bytes = value.utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            let replacement: String
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                index = bytes.index(after: index)
                continue
            }
            html += value[start..<index]
            html += replacement
            index = bytes.index(after: index)
            start = index
        }
        html += value[start...]
    }

    var fragment: HTMLFragment { HTMLFragment(html: html) }
}

/// A piece of HTML made by `HTMLWriter`, the only thing a template shows unescaped
/// (`#unsafeHTML(data.html)`); it has no other way to be made.
struct HTMLFragment: Encodable {
    let html: String

    fileprivate init(html: String) { self.html = html }

    /// Encoded as the HTML itself, for the template.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(html)
    }
}
