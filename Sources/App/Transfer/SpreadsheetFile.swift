import Foundation
import LumbungCore
import LumbungSpreadsheet

/// The rows of an uploaded or named file, read by its content (an .xlsx is a zip), not its
/// name. CSV is read record by record straight from the bytes, so a large file is never held
/// as text or as a table; it can be walked more than once.
struct SpreadsheetFile: Sendable {
    enum Content: Sendable {
        case csv([UInt8])
        case table([[String]])
    }

    let content: Content

    /// The file, or the problem that stops it being read at all.
    static func open(_ bytes: [UInt8]) -> Validated<SpreadsheetFile, ImportProblem> {
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return .success(SpreadsheetFile(content: .csv(bytes))) }
        do {
            guard let first = try XLSXReader.read(Data(bytes)).first else {
                return .failure(ImportProblem(row: 1, column: "-", message: LocalizedMessage("import.empty")))
            }
            return .success(SpreadsheetFile(content: .table(first.rows)))
        } catch {
            return .failure(ImportProblem(row: 1, column: "-", message: LocalizedMessage("import.unreadable", error.message)))
        }
    }

    /// Calls `body` with each row and its spreadsheet row number (the header is row 1).
    /// A CSV that breaks off (an unclosed quote) ends with that problem.
    func forEachRow(_ body: ([String], Int) async throws -> Void) async throws -> ImportProblem? {
        switch content {
        case .table(let rows):
            for (offset, row) in rows.enumerated() { try await body(row, offset + 1) }
            return nil
        case .csv(let bytes):
            var reader = CSVRowReader(bytes: bytes)
            var number = 0
            while true {
                let row: [String]?
                do {
                    row = try reader.next()
                } catch {
                    return ImportProblem(row: number + 1, column: "-", message: LocalizedMessage("import.unreadable", error.description))
                }
                guard let row else { return nil }
                number += 1
                try await body(row, number)
            }
        }
    }
}
