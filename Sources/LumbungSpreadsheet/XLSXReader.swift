import Foundation

/// Reads .xlsx workbooks (Office Open XML, as saved by Excel, LibreOffice and Google Sheets).
public enum XLSXReader {
    /// Every worksheet, in workbook order, with its name: cells as text, shared strings and inline
    /// strings resolved, rich text runs joined, numbers as written in the XML (e.g. "2019", "3.57"),
    /// booleans "TRUE"/"FALSE", errors as written ("#N/A"), empty cells as "" (gaps filled from the
    /// cell references, e.g. A1, C1 -> ["a", "", "c"]); rows padded so that all rows of a sheet have
    /// the same count, trailing empty rows dropped. Cells with a date number format (built-in numFmtId
    /// 14-22, 45-47, or a custom format with day/month/year parts, not only a time) are converted from
    /// Excel serial days to "YYYY-MM-DD" (1900 system with its phantom 1900-02-29 at serial 60, or the
    /// 1904 system when the workbook says so); serials below 1 (a bare time) stay as written.
    /// Chart sheets are skipped.
    public static func read(_ data: Data) throws(SpreadsheetError) -> [Sheet] {
        let package = try XLSXPackage(data: data)
        let root = try package.relationships(of: "")
        let workbookPath = root.first { $0.kind == "officeDocument" && !$0.isExternal }?.path ?? "xl/workbook.xml"
        guard let workbookData = try package.part(workbookPath) else {
            if let mimetype = try package.part("mimetype"),
               String(decoding: mimetype, as: UTF8.self).contains("opendocument.spreadsheet") {
                throw SpreadsheetError(message: "this is an OpenDocument spreadsheet (.ods); save it as .xlsx and try again")
            }
            throw SpreadsheetError(message: "not an .xlsx workbook: the ZIP archive has no \(workbookPath)")
        }
        let workbook = try XLSXWorkbook.parse(workbookData, part: workbookPath)
        let relationships = try package.relationships(of: workbookPath)

        func partPath(_ kind: String, default fallback: String) -> String {
            relationships.first { $0.kind == kind && !$0.isExternal }?.path ?? fallback
        }
        let sharedStringsPath = partPath("sharedStrings", default: "xl/sharedStrings.xml")
        let sharedStrings = try XLSXSharedStrings.parse(try package.part(sharedStringsPath), part: sharedStringsPath)
        let stylesPath = partPath("styles", default: "xl/styles.xml")
        let styles = try XLSXStyles.parse(try package.part(stylesPath), part: stylesPath)

        var sheets: [Sheet] = []
        for entry in workbook.sheets {
            guard let relationship = relationships.first(where: { $0.id == entry.relationshipId }) else {
                throw SpreadsheetError(message: "damaged workbook: sheet \"\(entry.name)\" has no part")
            }
            guard relationship.kind == "worksheet" else { continue }
            guard let data = try package.part(relationship.path) else {
                throw SpreadsheetError(message: "damaged workbook: \(relationship.path) for sheet \"\(entry.name)\" is missing")
            }
            let parser = XLSXWorksheetParser(sheetName: entry.name, sharedStrings: sharedStrings,
                                             styles: styles, date1904: workbook.date1904)
            sheets.append(Sheet(name: entry.name, rows: try parser.rows(from: data, part: relationship.path)))
        }
        return sheets
    }
}
