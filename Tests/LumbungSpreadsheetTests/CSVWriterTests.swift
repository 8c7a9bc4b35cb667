import Testing
@testable import LumbungSpreadsheet

@Suite struct CSVWriterTests {
    let rows: [[String]] = [
        ["Nama Inovasi", "Perangkat Daerah", "Catatan"],
        ["Si Pelandukilat", "Dinas Kependudukan dan Pencatatan Sipil", "Satu, dua; tiga"],
        ["Kata \"kutip\"", "", "Baris satu\nbaris dua"],
        ["Windows\r\nbaris", " spasi di depan", "Rp 1.000 € – “Kaltara”"],
        [""],
        ["akhir"],
    ]

    @Test func outputParsesBackToTheSameRows() throws {
        #expect(try CSVReader.parse(CSVWriter.write(rows, bom: false)) == rows)
    }

    @Test func outputWithBOMDecodesAndParsesBack() throws {
        let text = CSVWriter.write(rows)
        #expect(text.hasPrefix("\u{FEFF}"))
        let decoded = CSVReader.decode(Array(text.utf8))
        #expect(decoded.encoding == .utf8)
        #expect(try CSVReader.parse(decoded.text) == rows)
    }

    @Test func quotesOnlyWhereNeededWithCRLF() {
        #expect(CSVWriter.write([["a", "b,c", "d\"e"], ["f;g", "h"]], bom: false)
                == "a,\"b,c\",\"d\"\"e\"\r\n\"f;g\",h\r\n")
    }

    @Test func formulaCellsAreNeutralised() throws {
        let text = CSVWriter.write([["=1+1", "-5", "@SUM", "+62 812", "\tx", "=HYPERLINK(\"http://x\",\"y\")", "a=b", "5-1"]], bom: false)
        let rows = try CSVReader.parse(text)
        #expect(rows == [["'=1+1", "'-5", "'@SUM", "'+62 812", "'\tx", "'=HYPERLINK(\"http://x\",\"y\")", "a=b", "5-1"]])
    }

    @Test func emptyInput() {
        #expect(CSVWriter.write([], bom: false) == "")
        #expect(CSVWriter.write([]) == "\u{FEFF}")
    }
}
