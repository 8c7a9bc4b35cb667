/// The XML of one worksheet as XLSXWriter writes it.
enum XLSXSheetXML {
    static let maxCellLength = 32_767
    static let maxColumnWidth = 60.0

    /// Style indexes in styles.xml (see XLSXWriter.styles).
    private static let plain = 0, bold = 1, wrapped = 2, boldWrapped = 3

    static func make(_ rows: [[String]], name: String, isFirst: Bool, neutralise: Bool) throws(SpreadsheetError) -> String {
        guard rows.count <= CellReference.maxRows else {
            throw SpreadsheetError(message: "sheet \"\(name)\" has \(rows.count) rows; Excel allows at most \(CellReference.maxRows)")
        }
        let width = rows.reduce(0) { max($0, $1.count) }
        guard width <= CellReference.maxColumns else {
            throw SpreadsheetError(message: "sheet \"\(name)\" has \(width) columns; Excel allows at most \(CellReference.maxColumns)")
        }
        let columnNames = (0..<width).map(CellReference.columnName)
        var longestLine = [Int](repeating: 0, count: width)

        var data = ""
        data.reserveCapacity(rows.count * width * 24)
        for (rowIndex, row) in rows.enumerated() {
            let rowNumber = String(rowIndex + 1)
            var rowOpen = false
            for (column, original) in row.enumerated() where !original.isEmpty {
                let cell = neutralise ? FormulaInjection.neutralise(original) : original
                guard cell.utf16.count <= maxCellLength else {
                    throw SpreadsheetError(message: "cell \(columnNames[column])\(rowNumber) in sheet \"\(name)\" has \(cell.utf16.count) characters; Excel allows at most \(maxCellLength)")
                }
                let info = UTF8Scan.cellText(cell)
                longestLine[column] = max(longestLine[column], info.longestLine)
                if !rowOpen {
                    data += "<row r=\"" + rowNumber + "\">"
                    rowOpen = true
                }
                let style = rowIndex == 0 ? (info.hasLineBreak ? boldWrapped : bold) : (info.hasLineBreak ? wrapped : plain)
                data += "<c r=\"" + columnNames[column] + rowNumber + "\""
                if style != plain { data += " s=\"" + String(style) + "\"" }
                data += " t=\"inlineStr\"><is><t"
                if info.needsSpacePreserved { data += " xml:space=\"preserve\"" }
                data += ">"
                data += info.needsEscaping ? XMLText.escape(cell) : cell
                data += "</t></is></c>"
            }
            if rowOpen { data += "</row>" }
        }

        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            """
        let lastCell = width > 0 && !rows.isEmpty ? ":" + columnNames[width - 1] + String(rows.count) : ""
        xml += "<dimension ref=\"A1" + lastCell + "\"/>"
        xml += "<sheetViews><sheetView" + (isFirst ? " tabSelected=\"1\"" : "") + " workbookViewId=\"0\">"
        xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if width > 0 {
            xml += "<cols>"
            for column in 0..<width {
                let fitted = min(maxColumnWidth, max(8.43, Double(longestLine[column]) * 1.1 + 2))
                let number = String(column + 1)
                xml += "<col min=\"" + number + "\" max=\"" + number + "\" width=\"" + String((fitted * 100).rounded() / 100)
                    + "\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>" + data + "</sheetData></worksheet>"
        return xml
    }
}
