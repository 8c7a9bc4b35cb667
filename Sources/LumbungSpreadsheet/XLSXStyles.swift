import Foundation

/// From xl/styles.xml, which cell styles (the `s` index of a cell) show a date.
struct XLSXStyles {
    var dateStyles: [Bool] = []

    func isDate(style: Int) -> Bool {
        style >= 0 && style < dateStyles.count && dateStyles[style]
    }

    static func parse(_ data: Data?, part: String) throws(SpreadsheetError) -> XLSXStyles {
        guard let data else { return XLSXStyles() }
        let parser = StylesParser()
        try parser.parse(data, part: part)
        return XLSXStyles(dateStyles: parser.formatIds.map { ExcelDate.isDateFormat(id: $0, custom: parser.customFormats) })
    }
}


private final class StylesParser: XMLPartParser {
    var customFormats: [Int: String] = [:]
    /// numFmtId of each entry of cellXfs, in order.
    var formatIds: [Int] = []
    private var inCellXfs = false

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs":
            inCellXfs = true
        case "xf" where inCellXfs:
            formatIds.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default:
            break
        }
    }

    override func end(_ name: String) {
        if name == "cellXfs" { inCellXfs = false }
    }
}
