import Foundation
import Testing
@testable import LumbungSpreadsheet

/// Uploaded workbooks are untrusted: entity tricks must neither read local files nor blow up memory.
@Suite struct XLSXHostileInputTests {
    private func workbook(withSheet2 xml: String) throws -> Data {
        var files = WorkbookFixture.files
        files[files.firstIndex { $0.path == "xl/worksheets/sheet2.xml" }!].data = Data(xml.utf8)
        return try ZipArchiveWriter.archive(files)
    }

    @Test func externalEntityIsNotResolved() throws {
        let data = try workbook(withSheet2: """
            <?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/hostname">]>\
            <worksheet xmlns="\(WorkbookFixture.main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x&secret;</t></is></c></row></sheetData></worksheet>
            """)
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unlikely-hostname"
        do {
            let sheets = try XLSXReader.read(data)
            #expect(!sheets[1].rows.flatMap { $0 }.contains { $0.contains(hostname) })
        } catch {
            // Refusing the file is fine too.
        }
    }

    @Test func entityExpansionBombIsRefusedOrBounded() throws {
        var entities = "<!ENTITY a0 \"lolololololololololo\">"
        for level in 1...10 {
            entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">"
        }
        let data = try workbook(withSheet2: """
            <?xml version="1.0"?><!DOCTYPE worksheet [\(entities)]>\
            <worksheet xmlns="\(WorkbookFixture.main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a10;</t></is></c></row></sheetData></worksheet>
            """)
        let sheets = try? XLSXReader.read(data)
        #expect((sheets?[1].rows.first?.first?.utf8.count ?? 0) < 10_000_000)
    }
}
