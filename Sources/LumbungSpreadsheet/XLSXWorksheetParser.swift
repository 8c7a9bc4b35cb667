import Foundation

/// One worksheet part (`<sheetData>`) to rows of text.
final class XLSXWorksheetParser: XMLPartParser {
    /// Most cells a sheet may have after padding (rows × widest row): about 160 MB of empty strings.
    static let maxCells = 10_000_000

    private let sharedStrings: [String]
    private let styles: XLSXStyles
    private let date1904: Bool
    private let sheetName: String

    private var rows: [[String]] = []
    private var storedCells = 0
    private var inSheetData = false
    private var rowIndex = -1
    private var cellRow = 0
    private var cellColumn = -1
    private var cellType = "n"
    private var cellStyle = 0
    private var value = ""
    private var hasValue = false
    private var inValue = false
    private var inInlineString = false
    private var inText = false
    private var phoneticDepth = 0

    init(sheetName: String, sharedStrings: [String], styles: XLSXStyles, date1904: Bool) {
        self.sheetName = sheetName
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
    }

    /// Parses the part and returns its rows, all of the same length; trailing empty rows dropped.
    func rows(from data: Data, part: String) throws(SpreadsheetError) -> [[String]] {
        try parse(data, part: part)
        while let last = rows.last, last.isEmpty { rows.removeLast() }
        let width = rows.reduce(0) { max($0, $1.count) }
        guard rows.count * width <= Self.maxCells else {
            throw SpreadsheetError(message: "sheet \"\(sheetName)\" is too large: \(rows.count) rows × \(width) columns")
        }
        for index in rows.indices where rows[index].count < width {
            rows[index].append(contentsOf: repeatElement("", count: width - rows[index].count))
        }
        return rows
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "sheetData":
            inSheetData = true
        case "row" where inSheetData:
            if let number = attributes["r"] {
                guard let row = Int(number), row >= 1, row <= CellReference.maxRows else {
                    return fail("damaged workbook: sheet \"\(sheetName)\" has an invalid row number \"\(number)\"")
                }
                rowIndex = row - 1
            } else {
                rowIndex += 1
            }
            cellColumn = -1
        case "c" where inSheetData:
            cellRow = max(rowIndex, 0)
            if let reference = attributes["r"] {
                guard let parsed = CellReference.parse(reference) else {
                    return fail("damaged workbook: sheet \"\(sheetName)\" has an invalid cell reference \"\(reference)\"")
                }
                cellColumn = parsed.column
                if let row = parsed.row { cellRow = row }
            } else {
                cellColumn += 1
            }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""
            hasValue = false
        case "v":
            inValue = true
            hasValue = true
        case "is":
            inInlineString = true
            hasValue = true
        case "rPh":
            phoneticDepth += 1
        case "t":
            inText = inInlineString && phoneticDepth == 0
        default:
            break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "v": inValue = false
        case "t": inText = false
        case "is": inInlineString = false
        case "rPh": phoneticDepth -= 1
        case "sheetData": inSheetData = false
        case "c" where inSheetData:
            if hasValue {
                let text = resolvedValue()
                if !text.isEmpty { place(text) }
            }
        default: break
        }
    }

    override func characters(_ text: String) {
        if inValue || inText { value += text }
    }

    private func resolvedValue() -> String {
        switch cellType {
        case "s":
            guard let index = Int(trimmed(value)), index >= 0, index < sharedStrings.count else { return "" }
            return sharedStrings[index]
        case "inlineStr", "str":
            return XMLText.unescapeOOXML(value)
        case "b":
            let flag = trimmed(value)
            return flag == "1" || flag.lowercased() == "true" ? "TRUE" : "FALSE"
        case "d":
            let text = trimmed(value)
            guard styles.isDate(style: cellStyle), let time = text.firstIndex(of: "T") else { return text }
            return String(text[..<time])
        case "e":
            return trimmed(value)
        default:
            let number = trimmed(value)
            if styles.isDate(style: cellStyle), let serial = Double(number),
               let date = ExcelDate.isoDate(serial: serial, date1904: date1904) {
                return date
            }
            return number
        }
    }

    private func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, last > 0x20 { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func place(_ text: String) {
        while rows.count <= cellRow { rows.append([]) }
        let count = rows[cellRow].count
        storedCells += max(0, cellColumn + 1 - count)
        guard storedCells <= Self.maxCells else {
            return fail("sheet \"\(sheetName)\" is too large: more than \(Self.maxCells) cells")
        }
        if count < cellColumn {
            rows[cellRow].append(contentsOf: repeatElement("", count: cellColumn - count))
        }
        if rows[cellRow].count == cellColumn {
            rows[cellRow].append(text)
        } else {
            rows[cellRow][cellColumn] = text
        }
    }
}
