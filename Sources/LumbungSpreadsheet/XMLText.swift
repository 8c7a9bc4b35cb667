/// Text in and out of SpreadsheetML: XML escaping, the characters XML 1.0 forbids, and the
/// `_xHHHH_` escapes that OOXML uses for characters XML cannot carry (Excel writes a carriage
/// return in a string as `_x000D_`).
enum XMLText {
    /// Escapes & < > " ' for element content or attribute values, drops characters not allowed in
    /// XML 1.0, writes CR as `&#13;` (a parser would otherwise turn it into LF) and guards a
    /// literal `_xHHHH_` in the text as `_x005F_xHHHH_` so that Excel shows it unchanged.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsWork) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (offset, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&apos;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "_" where isEscapeSequence(scalars, at: offset):
                out.append(contentsOf: "_x005F".unicodeScalars)
                out.append(scalar)
            default:
                if isAllowed(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// Whether XML 1.0 allows the character (surrogates cannot occur in a Swift string).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0D }
        return value != 0xFFFE && value != 0xFFFF
    }

    /// Resolves OOXML `_xHHHH_` escapes in text read from a workbook.
    static func unescapeOOXML(_ text: String) -> String {
        guard UTF8Scan.contains(text, UInt8(ascii: "_")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", isEscapeSequence(scalars, at: index),
               let value = UInt32(String(String.UnicodeScalarView(scalars[index + 2..<index + 6])), radix: 16),
               let decoded = Unicode.Scalar(value) {
                out.append(decoded)
                index += 7
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    /// `_x` + four hex digits + `_` starting at `index`.
    private static func isEscapeSequence(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[index + 2..<index + 6].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
             UInt8(ascii: "'"), UInt8(ascii: "_"), 0xEF:
            return true
        default:
            return byte < 0x20 && byte != 0x09 && byte != 0x0A
        }
    }
}
