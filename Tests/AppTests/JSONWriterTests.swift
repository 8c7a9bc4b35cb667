import Foundation
import Testing
@testable import App

extension AppTests {
    /// The API's search answer is written by `JSONWriter`, not `JSONEncoder`: these hold it to
    /// valid JSON for any text and to the same content the encoder gives.
    @Suite struct JSONWriterTests {
        static let hostile = "\"kutip\" \\ garis\nbaru\ttab\r\u{01}\u{1F} </script> — Ūlu 🌾"

        @Test func everyStringIsEscapedAndReadsBackTheSame() throws {
            var writer = JSONWriter()
            writer.object { object in
                object.key(Self.hostile); object.value(Self.hostile)
                object.key("list")
                object.array { list in
                    list.value(1); list.value(-2.5); list.value(nil as String?); list.object { _ in }; list.array { _ in }
                }
                object.key("n"); object.value(0)
            }
            let text = String(decoding: writer.bytes, as: UTF8.self)
            #expect(text.hasPrefix(#"{"\"kutip\" \\ garis\nbaru\ttab\r\u0001\u001f </script>"#))
            #expect(text.hasSuffix(#","list":[1,-2.5,null,{},[]],"n":0}"#))
            let read = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any])
            #expect(read[Self.hostile] as? String == Self.hostile)
            #expect((read["list"] as? [Any])?.count == 5)
        }

        @Test func theSearchPageReadsBackAsWhatTheEncoderWrites() throws {
            let item = OpenDataController.InnovationSummary(
                id: 7, name: Self.hostile, acronym: "SI-\"A\"", agency: .init(id: 3, name: "Dinas \\ Kesehatan"),
                category: "public_service", delivery_mode: "digital", stage: "implementation", main_affair: nil,
                implementation_start: "2021-03-01", themes: ["wilayah perbatasan", Self.hostile], sdgs: [3, 16], url: "/catalogue/7")
            let bare = OpenDataController.InnovationSummary(id: 8, name: "Tanpa urusan", acronym: "", agency: .init(id: 4, name: "Biro"), category: "governance",
                         delivery_mode: "non_digital", stage: "trial", main_affair: "kesehatan", implementation_start: nil,
                         themes: [], sdgs: [], url: "/catalogue/8")
            let page = OpenDataController.SearchPage(
                items: [item, bare], total: 2, page: 1, per_page: 20,
                facets: ["theme": [.init(value: Self.hostile, label: Self.hostile, count: 2)], "agency": [], "year": [.init(value: "2021", label: "2021", count: 1)]])

            let written = try JSONDecoder().decode(OpenDataController.SearchPage.self, from: Data(page.json.bytes))
            let encoded = try JSONDecoder().decode(OpenDataController.SearchPage.self, from: JSONEncoder().encode(page))
            #expect(written == page)
            #expect(written == encoded)
            let text = String(decoding: page.json.bytes, as: UTF8.self)
            #expect(!text.contains("\"main_affair\":null"), "a missing value is left out, as the encoder does")
            #expect(text.contains(#""facets":{"agency":[],"theme":"#), "facets in alphabetical order")
        }
    }
}
