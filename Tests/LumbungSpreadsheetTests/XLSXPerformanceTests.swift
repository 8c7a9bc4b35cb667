import Foundation
import Testing
@testable import LumbungSpreadsheet

@Suite struct XLSXPerformanceTests {
    @Test func tenThousandRowsByTwentyColumns() throws {
        let header = (1...20).map { "Kolom \($0)" }
        let body = (1...9_999).map { row in
            (1...20).map { column in column == 1 ? String(row) : "Inovasi \(row)-\(column) Kabupaten Bulungan" }
        }
        let sheet = Sheet(name: "Besar", rows: [header] + body)
        let clock = ContinuousClock()

        var data = Data()
        let writeTime = try clock.measure { data = try XLSXWriter.write([sheet]) }
        var read: [Sheet] = []
        let readTime = try clock.measure { read = try XLSXReader.read(data) }

        print("10,000 × 20 xlsx: write \(writeTime), read \(readTime), \(data.count / 1024) KiB")
        #expect(read == [sheet])
        #expect(writeTime < .seconds(20))
        #expect(readTime < .seconds(20))
    }
}
