import Foundation

/// Writes .xlsx workbooks that open in Excel, LibreOffice and Google Sheets.
public enum XLSXWriter {
    /// Every sheet as given (an empty list gives one empty "Sheet1", since a workbook needs a sheet):
    /// first row bold, frozen first row, column widths fitted roughly to content (max 60), cells with
    /// line breaks wrapped; cells as inline strings (t="inlineStr"), empty cells left out; text
    /// XML-escaped with characters not allowed in XML 1.0 removed; formula-injection neutralisation
    /// as in CSVWriter (apostrophe prefix) unless `neutralise` is false; sheet names cleaned to what
    /// Excel accepts (31 characters, no []:*?/\, unique).
    /// Throws when a sheet exceeds Excel's limits (1,048,576 rows, 16,384 columns, 32,767 characters in a cell).
    public static func write(_ sheets: [Sheet], neutralise: Bool = true) throws(SpreadsheetError) -> Data {
        let sheets = sheets.isEmpty ? [Sheet(name: "Sheet1", rows: [])] : sheets
        let names = XLSXSheetNames.unique(sheets.map(\.name))
        var files: [(path: String, data: Data)] = [
            ("[Content_Types].xml", Data(contentTypes(sheetCount: sheets.count).utf8)),
            ("_rels/.rels", Data(rootRelationships.utf8)),
            ("docProps/app.xml", Data(appProperties.utf8)),
            ("docProps/core.xml", Data(coreProperties().utf8)),
            ("xl/workbook.xml", Data(workbook(names).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelationships(sheetCount: sheets.count).utf8)),
            ("xl/styles.xml", Data(styles.utf8)),
        ]
        for (index, sheet) in sheets.enumerated() {
            let xml = try XLSXSheetXML.make(sheet.rows, name: names[index], isFirst: index == 0, neutralise: neutralise)
            files.append(("xl/worksheets/sheet\(index + 1).xml", Data(xml.utf8)))
        }
        return try ZipArchiveWriter.archive(files)
    }

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let relationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(sheetCount: Int) -> String {
        var xml = header + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
            """
        for index in 1...sheetCount {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    private static let rootRelationships = header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationshipTypes)/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="\(relationshipTypes)/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    private static let appProperties = header + """
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
        xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
        <Application>Lumbung</Application></Properties>
        """

    private static func coreProperties() -> String {
        let now = ISO8601DateFormatter().string(from: Date())
        return header + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:creator>Lumbung</dc:creator>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(now)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(now)</dcterms:modified>\
            </cp:coreProperties>
            """
    }

    private static func workbook(_ names: [String]) -> String {
        var xml = header + """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="\(relationshipTypes)"><bookViews><workbookView activeTab="0"/></bookViews><sheets>
            """
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var xml = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...sheetCount {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"\(relationshipTypes)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipTypes)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Cell formats: 0 plain, 1 bold (header row), 2 wrapped, 3 bold and wrapped.
    private static let styles = header + """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="2">\
        <font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        </fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="4">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
