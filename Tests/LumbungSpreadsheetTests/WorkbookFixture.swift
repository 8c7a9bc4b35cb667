import Foundation
@testable import LumbungSpreadsheet

/// A workbook written by hand, the way Excel and other programs store things XLSXWriter never
/// writes: shared strings, rich text, numbers, dates, booleans, errors, formulas, gaps, prefixes.
enum WorkbookFixture {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static var files: [(path: String, data: Data)] {
        [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/></Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="/xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" xmlns:r="\(rel)"><workbookPr/>\
                <sheets><sheet name="Inovasi" sheetId="1" r:id="rId1"/><sheet name="Awalan" sheetId="2" r:id="rId2"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(rel)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(rel)/worksheet" Target="worksheets/../worksheets/sheet2.xml"/>\
                <Relationship Id="rId3" Type="\(rel)/sharedStrings" Target="sharedStrings.xml"/>\
                <Relationship Id="rId4" Type="\(rel)/styles" Target="styles.xml"/></Relationships>
                """),
            ("xl/sharedStrings.xml", """
                <?xml version="1.0" encoding="UTF-8"?><sst xmlns="\(main)" count="5" uniqueCount="5">\
                <si><t>Nama</t></si>\
                <si><r><rPr><b/></rPr><t xml:space="preserve">Si </t></r><r><t>Pelandukilat</t></r></si>\
                <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>\
                <si><t>Tanggal</t></si>\
                <si><t>A_x0026_B &amp; C</t></si></sst>
                """),
            ("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\(main)">\
                <numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="h:mm"/></numFmts>\
                <cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellStyleXfs>\
                <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="4"/></cellXfs>\
                </styleSheet>
                """),
            ("xl/worksheets/sheet1.xml", """
                <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(main)"><dimension ref="A1:F4"/><sheetData>\
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>3</v></c>\
                <c r="D1" t="inlineStr"><is><r><t>Ang</t></r><r><t>garan</t></r></is></c></row>\
                <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>43831</v></c><c r="C2"><v>3.57</v></c>\
                <c r="D2" s="4"><v>1500000</v></c></row>\
                <row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" s="2"><v>45292.5</v></c><c r="C4" s="3"><v>0.5</v></c>\
                <c r="E4" t="e"><v>#N/A</v></c><c r="F4" t="str"><f>"has"&amp;"il"</f><v>hasil</v></c><c r="H4" s="1"/></row>\
                <row r="5"><c r="A5" t="s"><v>2</v></c><c r="B5" t="s"><v>4</v></c><c r="C5"><v>2019</v></c></row>\
                <row r="9" customHeight="1" ht="20"/></sheetData></worksheet>
                """),
            ("xl/worksheets/sheet2.xml", """
                <?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="\(main)"><x:sheetData>\
                <x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>c</x:t></x:is></x:c></x:row>\
                <x:row><x:c r="B2" t="b"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>
                """),
        ].map { ($0.0, Data($0.1.utf8)) }
    }

    static let expected = [
        Sheet(name: "Inovasi", rows: [
            ["Nama", "Tanggal", "", "Anggaran", "", ""],
            ["Si Pelandukilat", "2020-01-01", "3.57", "1500000", "", ""],
            ["", "", "", "", "", ""],
            ["TRUE", "2024-01-01", "0.5", "", "#N/A", "hasil"],
            ["東京", "A&B & C", "2019", "", "", ""],
        ]),
        Sheet(name: "Awalan", rows: [["a", "", "c"], ["", "FALSE", ""]]),
    ]

    static func data() throws -> Data {
        try ZipArchiveWriter.archive(files)
    }
}
