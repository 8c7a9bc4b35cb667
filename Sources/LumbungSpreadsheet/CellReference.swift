/// A1-style cell references. Columns and rows are 0-based here.
enum CellReference {
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    /// "A" for 0, "Z" for 25, "AA" for 26 …
    static func columnName(_ index: Int) -> String {
        var name: [UInt8] = []
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name.append(UInt8(ascii: "A") + UInt8(digit))
            rest = (rest - 1) / 26
        }
        return String(decoding: name.reversed(), as: UTF8.self)
    }

    /// "C12" → (column 2, row 11); nil when malformed or beyond Excel's limits.
    /// A reference with only letters gives row nil.
    static func parse(_ reference: String) -> (column: Int, row: Int?)? {
        var column = 0, row = 0
        var letters = 0, digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "$"):
                continue
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, column <= maxColumns else { return nil }
        if digits == 0 { return (column - 1, nil) }
        guard row >= 1, row <= maxRows else { return nil }
        return (column - 1, row - 1)
    }
}
