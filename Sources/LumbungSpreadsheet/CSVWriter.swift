import Foundation

/// Writes CSV that Excel, LibreOffice and Google Sheets open as UTF-8.
public enum CSVWriter {
    /// Rows to CSV text: comma separated, CRLF line ends, a field quoted when it holds a comma,
    /// a semicolon, a quote or a line break (quotes doubled), UTF-8 BOM in front when `bom` is true
    /// (Excel needs it to read UTF-8). Cells starting with = + - @ or a tab/CR are neutralised
    /// against formula injection by prefixing an apostrophe ('). A row that is one empty cell is
    /// written as "" so that it reads back as a row, not as a blank line.
    public static func write(_ rows: [[String]], bom: Bool = true) -> String {
        var out = bom ? "\u{FEFF}" : ""
        for row in rows {
            if row.count == 1, row[0].isEmpty {
                out += "\"\"\r\n"
                continue
            }
            for (column, cell) in row.enumerated() {
                if column > 0 { out += "," }
                out += field(FormulaInjection.neutralise(cell))
            }
            out += "\r\n"
        }
        return out
    }

    private static func field(_ cell: String) -> String {
        let needsQuotes = cell.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
