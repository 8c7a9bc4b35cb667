import Foundation
import Testing
@testable import LumbungSpreadsheet

@Suite struct XLSXReaderTests {
    @Test func handMadeWorkbookWithSharedStringsNumbersDatesGapsAndRichText() throws {
        let sheets = try XLSXReader.read(WorkbookFixture.data())
        #expect(sheets == WorkbookFixture.expected)
    }

    @Test func notAZip() {
        let error = #expect(throws: SpreadsheetError.self) { try XLSXReader.read(Data("Nama,Tahun\n".utf8)) }
        #expect(error?.message == "not an .xlsx file: it is not a ZIP archive")
        #expect(throws: SpreadsheetError.self) { try XLSXReader.read(Data()) }
    }

    @Test func damagedZip() {
        let error = #expect(throws: SpreadsheetError.self) { try XLSXReader.read(Data("PK\u{3}\u{4}broken".utf8)) }
        #expect(error?.message == "not an .xlsx file: the ZIP archive is damaged")
    }

    @Test func zipWithoutWorkbook() throws {
        let zip = try ZipArchiveWriter.archive([("notes.txt", Data("halo".utf8))])
        let error = #expect(throws: SpreadsheetError.self) { try XLSXReader.read(zip) }
        #expect(error?.message == "not an .xlsx workbook: the ZIP archive has no xl/workbook.xml")
    }

    @Test func oldXlsAndOdsAreNamed() throws {
        let xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 64))
        let xlsError = #expect(throws: SpreadsheetError.self) { try XLSXReader.read(xls) }
        #expect(xlsError?.message.contains(".xls") == true)
        let ods = try ZipArchiveWriter.archive([("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8))])
        let odsError = #expect(throws: SpreadsheetError.self) { try XLSXReader.read(ods) }
        #expect(odsError?.message.contains(".ods") == true)
    }

    @Test func malformedSheetXML() throws {
        var files = WorkbookFixture.files
        files[files.firstIndex { $0.path == "xl/worksheets/sheet2.xml" }!].data = Data("<worksheet><sheetData><row>".utf8)
        let error = #expect(throws: SpreadsheetError.self) { try XLSXReader.read(ZipArchiveWriter.archive(files)) }
        #expect(error?.message.contains("xl/worksheets/sheet2.xml is not well-formed XML") == true)
    }

    @Test func hugeCellReferenceIsRefusedNotPadded() throws {
        var files = WorkbookFixture.files
        files[files.firstIndex { $0.path == "xl/worksheets/sheet2.xml" }!].data = Data("""
            <worksheet xmlns="\(WorkbookFixture.main)"><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>
            """.utf8)
        let error = #expect(throws: SpreadsheetError.self) { try XLSXReader.read(ZipArchiveWriter.archive(files)) }
        #expect(error?.message.contains("too large") == true)
    }

    @Test func excelSerialDates() {
        #expect(ExcelDate.isoDate(serial: 1, date1904: false) == "1900-01-01")
        #expect(ExcelDate.isoDate(serial: 59, date1904: false) == "1900-02-28")
        #expect(ExcelDate.isoDate(serial: 60, date1904: false) == "1900-02-29")
        #expect(ExcelDate.isoDate(serial: 61, date1904: false) == "1900-03-01")
        #expect(ExcelDate.isoDate(serial: 43831, date1904: false) == "2020-01-01")
        #expect(ExcelDate.isoDate(serial: 45658.75, date1904: false) == "2025-01-01")
        #expect(ExcelDate.isoDate(serial: 43831.999999999996, date1904: false) == "2020-01-02")
        #expect(ExcelDate.isoDate(serial: 2_958_465, date1904: false) == "9999-12-31")
        #expect(ExcelDate.isoDate(serial: 0.5, date1904: false) == nil)
        #expect(ExcelDate.isoDate(serial: 0, date1904: true) == "1904-01-01")
        #expect(ExcelDate.isoDate(serial: 42369, date1904: true) == "2020-01-01")
    }

    @Test func dateFormatCodes() {
        for code in ["dd/mm/yyyy", "d-mmm-yy", "[$-421]dd mmmm yyyy", "yyyy-mm-dd h:mm", "mmm yyyy", "[Red]d/m/yy", "mmmm"] {
            #expect(ExcelDate.isDateFormatCode(code), "\(code)")
        }
        for code in ["General", "0.00", "#,##0", "h:mm", "mm:ss", "[h]:mm:ss", "0.00E+00", "\"Rp\" #,##0", "[$Rp-421]#,##0", "@"] {
            #expect(!ExcelDate.isDateFormatCode(code), "\(code)")
        }
        #expect(ExcelDate.isDateFormat(id: 14, custom: [:]))
        #expect(ExcelDate.isDateFormat(id: 22, custom: [:]))
        #expect(!ExcelDate.isDateFormat(id: 4, custom: [:]))
    }

    @Test func cellReferences() {
        #expect(CellReference.parse("A1")! == (0, 0))
        #expect(CellReference.parse("AA10")! == (26, 9))
        #expect(CellReference.parse("XFD1048576")! == (16_383, 1_048_575))
        #expect(CellReference.parse("XFE1") == nil)
        #expect(CellReference.parse("A0") == nil)
        #expect(CellReference.parse("1A") == nil)
        #expect((0..<800).allSatisfy { CellReference.parse(CellReference.columnName($0) + "1")!.column == $0 })
        #expect(CellReference.columnName(701) == "ZZ")
        #expect(CellReference.columnName(702) == "AAA")
    }

    @Test func concurrentReadsAgree() async throws {
        let data = try WorkbookFixture.data()
        let results = try await withThrowingTaskGroup(of: [Sheet].self) { group in
            for _ in 0..<16 {
                group.addTask { try XLSXReader.read(data) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == WorkbookFixture.expected })
    }
}
