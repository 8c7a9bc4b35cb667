import Foundation
import Testing
@testable import LumbungSpreadsheet

@Suite struct XLSXLargeWorkbookTests {
    @Test func tenThousandRowsByTwentyColumnsRoundTrip() throws {
        let header = (1...20).map { "Kolom \($0)" }
        let body = (1...9_999).map { row in
            (1...20).map { column in column == 1 ? String(row) : "Inovasi \(row)-\(column) Kabupaten Bulungan" }
        }
        let sheet = Sheet(name: "Besar", rows: [header] + body)
        let data = try XLSXWriter.write([sheet])
        #expect(try XLSXReader.read(data) == [sheet])
    }
}
