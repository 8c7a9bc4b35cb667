import Testing
@testable import LumbungSpreadsheet

@Suite struct CSVReaderTests {
    @Test func commaSeparated() throws {
        let rows = try CSVReader.parse("Nama,Tahun,Anggaran\nSi Pelandukilat,2019,3.57\n")
        #expect(rows == [["Nama", "Tahun", "Anggaran"], ["Si Pelandukilat", "2019", "3.57"]])
    }

    @Test func semicolonSeparatedAsExcelSavesInIndonesia() throws {
        let rows = try CSVReader.parse("Nama;Anggaran;Catatan\r\nInovasi A;1.000,50;\"a;b, c\"\r\n")
        #expect(rows == [["Nama", "Anggaran", "Catatan"], ["Inovasi A", "1.000,50", "a;b, c"]])
    }

    @Test func separatorIsCountedOutsideQuotesOnly() throws {
        // Three semicolons inside quotes must not beat the two commas outside.
        let rows = try CSVReader.parse("\"a;b;c;d\",x,y\n1,2,3\n")
        #expect(rows == [["a;b;c;d", "x", "y"], ["1", "2", "3"]])
    }

    @Test func utf8BOMIsStripped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Nama,Kota\nSatu,Tanjung Selor\n".utf8)
        let decoded = CSVReader.decode(bytes)
        #expect(decoded.encoding == .utf8)
        #expect(!decoded.text.hasPrefix("\u{FEFF}"))
        #expect(try CSVReader.parse(decoded.text) == [["Nama", "Kota"], ["Satu", "Tanjung Selor"]])
    }

    @Test func utf8WithoutBOM() {
        let decoded = CSVReader.decode(Array("Kabupaten Bulungan – “Kaltara” €".utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == "Kabupaten Bulungan – “Kaltara” €")
    }

    @Test func windows1252AsExcelSavesCSVOnWindows() throws {
        // "Pelayanan – Publik “Kaltara”;Rp 1.000 €" in cp1252: 0x96 en dash, 0x93/0x94 curly quotes, 0x80 euro.
        var bytes = Array("Program;Nilai\r\nPelayanan ".utf8) + [0x96]
        bytes += Array(" Publik ".utf8) + [0x93] + Array("Kaltara".utf8) + [0x94]
        bytes += Array(";Rp 1.000 ".utf8) + [0x80] + Array("\r\n".utf8)
        let decoded = CSVReader.decode(bytes)
        #expect(decoded.encoding == .windows1252)
        #expect(try CSVReader.parse(decoded.text) == [["Program", "Nilai"], ["Pelayanan – Publik “Kaltara”", "Rp 1.000 €"]])
    }

    @Test func windows1252LatinLettersAndUndefinedBytes() {
        let decoded = CSVReader.decode([0x43, 0x61, 0x66, 0xE9, 0x20, 0x81, 0x9F, 0x85])
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text == "Café \u{81}Ÿ…")
    }

    @Test func quotedFieldsWithSeparatorsDoubledQuotesAndNewlines() throws {
        let text = "id,uraian,catatan\r\n1,\"Satu, dua\",\"Dia berkata \"\"ya\"\"\"\r\n2,\"Baris satu\r\nbaris dua\nbaris tiga\",\"\"\r\n"
        let rows = try CSVReader.parse(text)
        #expect(rows == [
            ["id", "uraian", "catatan"],
            ["1", "Satu, dua", "Dia berkata \"ya\""],
            ["2", "Baris satu\r\nbaris dua\nbaris tiga", ""],
        ])
    }

    @Test func unbalancedQuoteNamesTheLineWhereTheFieldOpens() {
        let text = "a,b\r\nc,d\r\ne,\"never closed\r\nf,g\r\n"
        let error = #expect(throws: CSVError.self) { try CSVReader.parse(text) }
        #expect(error?.line == 3)
        #expect(error?.message.contains("unbalanced quote") == true)
    }

    @Test func textAfterClosingQuoteNamesItsLine() {
        let text = "a,b\n\"multi\nline\",ok\n\"x\"y,z\n"
        let error = #expect(throws: CSVError.self) { try CSVReader.parse(text) }
        #expect(error?.line == 4)
        #expect(error?.message.contains("closing quote") == true)
    }

    @Test func crlfLfAndCrLineEndsGiveTheSameRows() throws {
        let expected = [["a", "b"], ["c", "d"], ["e", ""]]
        #expect(try CSVReader.parse("a,b\r\nc,d\r\ne,\r\n") == expected)
        #expect(try CSVReader.parse("a,b\nc,d\ne,\n") == expected)
        #expect(try CSVReader.parse("a,b\rc,d\re,\r") == expected)
        #expect(try CSVReader.parse("a,b\nc,d\ne,") == expected)
    }

    @Test func trailingEmptyLinesIgnoredInnerBlankLineKept() throws {
        #expect(try CSVReader.parse("a\n\nb\n\n\n") == [["a"], [""], ["b"]])
        #expect(try CSVReader.parse("") == [])
        #expect(try CSVReader.parse("\r\n") == [])
    }

    @Test func raggedRowsKeepTheirLength() throws {
        #expect(try CSVReader.parse("a,b,c\n1\n1,2,3,4\n") == [["a", "b", "c"], ["1"], ["1", "2", "3", "4"]])
    }
}
