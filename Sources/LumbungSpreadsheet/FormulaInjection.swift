/// Guards exported cells against formula (CSV) injection: a cell that a spreadsheet program
/// could take for a formula gets an apostrophe in front, so it is shown as text.
enum FormulaInjection {
    static func neutralise(_ cell: String) -> String {
        guard let first = cell.utf8.first else { return cell }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"),
             UInt8(ascii: "\t"), UInt8(ascii: "\r"):
            return "'" + cell
        default:
            return cell
        }
    }
}
