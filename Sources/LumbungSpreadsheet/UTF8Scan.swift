import Foundation

/// Quick byte-level looks at a string's UTF-8, used on every cell (kept cheap even in debug builds).
enum UTF8Scan {
    /// Whether the string's UTF-8 holds the byte.
    static func contains(_ text: String, _ byte: UInt8) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }) {
            return found
        }
        return text.utf8.contains(byte)
    }

    /// What XLSXSheetXML needs to know about a cell, in one pass.
    struct CellText {
        /// Characters (Unicode scalars) in the longest line.
        var longestLine = 0
        var hasLineBreak = false
        /// Holds & < > " ' _ a control character or a possible U+FFFE/U+FFFF: XMLText.escape has work to do.
        var needsEscaping = false
        /// Starts or ends with whitespace, or has a line break: the `<t>` needs xml:space="preserve".
        var needsSpacePreserved = false
    }

    static func cellText(_ text: String) -> CellText {
        var text = text
        return text.withUTF8 { buffer in
            var info = CellText()
            guard let first = buffer.first, let last = buffer.last else { return info }
            info.needsSpacePreserved = isSpace(first) || isSpace(last)
            var current = 0
            for byte in buffer {
                if byte & 0xC0 != 0x80 { current += 1 }
                switch byte {
                case 0x0A, 0x0D:
                    info.hasLineBreak = true
                    info.needsSpacePreserved = true
                    info.longestLine = max(info.longestLine, current - 1)
                    current = 0
                    if byte == 0x0D { info.needsEscaping = true }
                case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x5F, 0xEF: // & < > " ' _ and the lead byte of U+FFFE/U+FFFF
                    info.needsEscaping = true
                case 0x09:
                    break
                case ..<0x20:
                    info.needsEscaping = true
                default:
                    break
                }
            }
            info.longestLine = max(info.longestLine, current)
            return info
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
