import Foundation
import Testing
@testable import LumbungSpreadsheet

@Suite struct XLSXWriterTests {
    static let longText = String(repeating: "Inovasi pelayanan publik di Kalimantan Utara yang memudahkan warga. ", count: 120)

    static let sheets = [
        Sheet(name: "Inovasi Daerah", rows: [
            ["No", "Nama Inovasi", "Perangkat Daerah", "Uraian", "Anggaran"],
            ["1", "Si Pelandukilat", "Dinas Kependudukan dan Pencatatan Sipil", "Layanan akta & KTP <cepat> \"tanpa\" 'antre'", "Rp 1.000 €"],
            ["2", "", "Badan Perencanaan – “Bappeda”", longText, ""],
            ["", "", "", "", ""],
            ["3", "Baris satu\nbaris dua", " spasi ", "Windows\r\nbaris", "A_x0041_B"],
            ["4", "   ", "\n", "a\tb", "東京 🇮🇩 ñ"],
        ]),
        Sheet(name: "Kabupaten", rows: [
            ["Kode", "Nama"],
            ["65.01", "Kabupaten Malinau"],
            ["65.02", "Kabupaten Bulungan"],
            ["65.71", "Kota Tarakan"],
        ]),
    ]

    @Test func twoSheetsReadBackIdentically() throws {
        let data = try XLSXWriter.write(Self.sheets)
        #expect(try XLSXReader.read(data) == Self.sheets)
    }

    @Test func workbookStructure() throws {
        let data = try XLSXWriter.write(Self.sheets)
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let package = try XLSXPackage(data: data)
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                     "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "docProps/core.xml"] {
            #expect(package.contains(part), "\(part)")
        }
        let sheet = String(decoding: try #require(try package.part("xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>No</t></is></c>"))
        #expect(sheet.contains("&amp; KTP &lt;cepat&gt; &quot;tanpa&quot; &apos;antre&apos;"))
        #expect(sheet.contains("<dimension ref=\"A1:E6\"/>"))
        #expect(sheet.contains("<col min=\"4\" max=\"4\" width=\"60.0\" customWidth=\"1\"/>"))
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"8.43\" customWidth=\"1\"/>"))
        #expect(!sheet.contains("sharedStrings"))
    }

    @Test func formulaInjectionNeutralisedUnlessDisabled() throws {
        let rows = [["Rumus"], ["=1+1"], ["-5"], ["@SUM(A1)"], ["+628"], ["5-1"]]
        let neutralised = try XLSXReader.read(XLSXWriter.write([Sheet(name: "A", rows: rows)]))
        #expect(neutralised[0].rows == [["Rumus"], ["'=1+1"], ["'-5"], ["'@SUM(A1)"], ["'+628"], ["5-1"]])
        let raw = try XLSXReader.read(XLSXWriter.write([Sheet(name: "A", rows: rows)], neutralise: false))
        #expect(raw[0].rows == rows)
    }

    @Test func charactersNotAllowedInXMLAreStripped() throws {
        let rows = [["a\u{1}b\u{0}c\u{1B}", "tab\there", "\u{FFFE}x"]]
        let read = try XLSXReader.read(XLSXWriter.write([Sheet(name: "Kontrol", rows: rows)]))
        #expect(read[0].rows == [["abc", "tab\there", "x"]])
    }

    @Test func sheetNamesAreCleanedTruncatedAndUnique() throws {
        let names = ["Data [2024]: Kaltara/Kalimantan Utara?*\\", "Data 2024 Kaltara",
                     "data 2024 kaltara", "", "'Kutip'", "History", String(repeating: "é", count: 40)]
        let read = try XLSXReader.read(XLSXWriter.write(names.map { Sheet(name: $0, rows: [["x"]]) }))
        #expect(read.map(\.name) == ["Data 2024 KaltaraKalimantan Uta", "Data 2024 Kaltara", "data 2024 kaltara (2)",
                                     "Sheet4", "Kutip", "History_", String(repeating: "é", count: 31)])
    }

    @Test func emptyWorkbookAndEmptySheet() throws {
        #expect(try XLSXReader.read(XLSXWriter.write([])) == [Sheet(name: "Sheet1", rows: [])])
        #expect(try XLSXReader.read(XLSXWriter.write([Sheet(name: "Kosong", rows: [])])) == [Sheet(name: "Kosong", rows: [])])
    }

    @Test func cellOverExcelLimitIsAnError() {
        let rows = [["judul"], [String(repeating: "a", count: 32_768)]]
        let error = #expect(throws: SpreadsheetError.self) { try XLSXWriter.write([Sheet(name: "Panjang", rows: rows)]) }
        #expect(error?.message.contains("cell A2 in sheet \"Panjang\"") == true)
    }
}
