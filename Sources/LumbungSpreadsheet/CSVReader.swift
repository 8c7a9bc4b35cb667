/// Reads CSV files as spreadsheet programs save them.
public enum CSVReader {
    public enum Encoding: Sendable {
        case utf8, windows1252
    }

    /// Decodes bytes: UTF-8 with or without BOM; if the bytes are not valid UTF-8, Windows-1252
    /// (as Excel saves "CSV" on Windows). A file that starts with the UTF-8 BOM is taken as UTF-8
    /// even if some bytes are broken (they become U+FFFD).
    public static func decode(_ data: [UInt8]) -> (text: String, encoding: Encoding) {
        let hasBOM = data.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasBOM ? data[3...] : data[...]
        if let text = validUTF8(body) {
            return (text, .utf8)
        }
        if hasBOM {
            return (String(decoding: body, as: UTF8.self), .utf8)
        }
        return (Windows1252.decode(body), .windows1252)
    }

    private static func validUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 4180 parsing with the separator detected from the header line (comma or semicolon,
    /// whichever occurs more outside quotes; comma on a tie); quoted fields with "" escapes and
    /// embedded newlines (kept as written); CRLF/LF/CR line ends; trailing empty lines ignored.
    /// Rows keep the number of fields they have (no padding). Blank lines inside the file are rows [""].
    /// Errors carry the 1-based line number: unbalanced quote (the line where the never-closed
    /// quoted field opens), or text right after a closing quote.
    public static func parse(_ text: String) throws(CSVError) -> [[String]] {
        var parser = CSVParser(bytes: Array(text.utf8), start: 0, decode: { String(decoding: $0, as: UTF8.self) })
        return try parser.parse()
    }
}

/// Reads a CSV file one record at a time straight from its bytes, so that a large import never
/// holds the whole file as text or as a table. Encoding (UTF-8 with or without BOM, else
/// Windows-1252) and separator are decided once, as `CSVReader` does.
public struct CSVRowReader {
    private var parser: CSVParser
    public let encoding: CSVReader.Encoding
    private var separator: UInt8

    public init(bytes: [UInt8]) {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let start = hasBOM ? 3 : 0
        let isUTF8 = hasBOM || CSVRowReader.isValidUTF8(bytes[start...])
        encoding = isUTF8 ? .utf8 : .windows1252
        parser = CSVParser(bytes: bytes, start: start, decode: isUTF8
            ? { String(decoding: $0, as: UTF8.self) }
            : { Windows1252.decode($0) })
        separator = parser.detectSeparator()
    }

    /// The next record, or nil at the end. A blank line is a record of one empty field.
    public mutating func next() throws(CSVError) -> [String]? {
        try parser.nextRecord(separator: separator)
    }

    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

/// A CSV file that cannot be parsed; `line` is 1-based.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

private let quote = UInt8(ascii: "\"")
private let cr = UInt8(ascii: "\r")
private let lf = UInt8(ascii: "\n")

private struct CSVParser {
    let bytes: [UInt8]
    var index: Int
    var line = 1
    let decode: (ArraySlice<UInt8>) -> String

    init(bytes: [UInt8], start: Int, decode: @escaping (ArraySlice<UInt8>) -> String) {
        self.bytes = bytes
        self.index = start
        self.decode = decode
    }

    /// One record (blank lines are [""]), or nil at the end of the bytes.
    mutating func nextRecord(separator: UInt8) throws(CSVError) -> [String]? {
        guard index < bytes.count else { return nil }
        if bytes[index] == cr || bytes[index] == lf {
            skipLineEnd()
            return [""]
        }
        return try record(separator: separator)
    }

    mutating func parse() throws(CSVError) -> [[String]] {
        let separator = detectSeparator()
        var rows: [[String]] = []
        var trailingBlankLines = 0
        while index < bytes.count {
            if bytes[index] == cr || bytes[index] == lf {
                // A blank line: a row of one empty cell, unless only blank lines follow.
                skipLineEnd()
                rows.append([""])
                trailingBlankLines += 1
                continue
            }
            rows.append(try record(separator: separator))
            trailingBlankLines = 0
        }
        rows.removeLast(trailingBlankLines)
        return rows
    }

    /// Reads the fields of one record up to and including its line end.
    private mutating func record(separator: UInt8) throws(CSVError) -> [String] {
        var row: [String] = []
        while true {
            row.append(try field(separator: separator))
            // A field stops at a separator, a line end or the end of the text.
            guard index < bytes.count else { return row }
            if bytes[index] == separator {
                index += 1
                if index == bytes.count { row.append(""); return row }
            } else {
                skipLineEnd()
                return row
            }
        }
    }

    /// Reads one field and leaves `index` on the byte after it.
    private mutating func field(separator: UInt8) throws(CSVError) -> String {
        guard index < bytes.count, bytes[index] == quote else {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == separator || byte == cr || byte == lf { break }
                index += 1
            }
            return decode(bytes[start..<index])
        }
        let openingLine = line
        index += 1
        var value: [UInt8] = []
        var segmentStart = index
        while true {
            guard index < bytes.count else {
                throw CSVError(line: openingLine,
                               message: "unbalanced quote: the quoted field that starts on this line is never closed")
            }
            let byte = bytes[index]
            if byte == quote {
                if index + 1 < bytes.count, bytes[index + 1] == quote {
                    value.append(contentsOf: bytes[segmentStart...index])
                    index += 2
                    segmentStart = index
                    continue
                }
                value.append(contentsOf: bytes[segmentStart..<index])
                index += 1
                break
            }
            if byte == lf || (byte == cr && (index + 1 == bytes.count || bytes[index + 1] != lf)) {
                line += 1
            }
            index += 1
        }
        if index < bytes.count {
            let next = bytes[index]
            if next != separator && next != cr && next != lf {
                throw CSVError(line: line,
                               message: "text right after a closing quote (a quote inside a quoted field must be doubled: \"\")")
            }
        }
        return decode(value[...])
    }

    private mutating func skipLineEnd() {
        if bytes[index] == cr {
            index += 1
            if index < bytes.count, bytes[index] == lf { index += 1 }
        } else {
            index += 1
        }
        line += 1
    }

    /// Comma or semicolon, whichever occurs more outside quotes in the first record.
    func detectSeparator() -> UInt8 {
        var commas = 0, semicolons = 0
        var inQuotes = false
        for byte in bytes[index...] {
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == UInt8(ascii: ",") { commas += 1 }
                else if byte == UInt8(ascii: ";") { semicolons += 1 }
                else if byte == cr || byte == lf { break }
            }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }
}
