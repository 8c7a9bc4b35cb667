import Foundation

/// xl/workbook.xml: the sheets in workbook order and the date system.
struct XLSXWorkbook {
    struct SheetEntry {
        let name: String
        let relationshipId: String
    }

    var sheets: [SheetEntry] = []
    var date1904 = false

    static func parse(_ data: Data, part: String) throws(SpreadsheetError) -> XLSXWorkbook {
        let parser = WorkbookParser()
        try parser.parse(data, part: part)
        return parser.workbook
    }
}

private final class WorkbookParser: XMLPartParser {
    var workbook = XLSXWorkbook()

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "workbookPr":
            let value = attributes["date1904"]?.lowercased()
            workbook.date1904 = value == "1" || value == "true"
        case "sheet":
            if let id = Self.attribute("id", in: attributes) {
                workbook.sheets.append(.init(name: attributes["name"] ?? "Sheet\(workbook.sheets.count + 1)",
                                             relationshipId: id))
            }
        default:
            break
        }
    }
}
