import Foundation
import LumbungCore
import LumbungSpreadsheet

/// Reads an uploaded or named file as a table, by its content (an .xlsx is a zip), not its name.
enum SpreadsheetFile {
    static func table(from bytes: [UInt8]) -> (table: [[String]], problems: [ImportProblem]) {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            do {
                let sheets = try XLSXReader.read(Data(bytes))
                guard let first = sheets.first else {
                    return ([], [ImportProblem(row: 1, column: "-", message: LocalizedMessage("import.empty"))])
                }
                return (first.rows, [])
            } catch {
                return ([], [ImportProblem(row: 1, column: "-", message: LocalizedMessage("import.unreadable", error.message))])
            }
        }
        let (text, _) = CSVReader.decode(bytes)
        do {
            return (try CSVReader.parse(text), [])
        } catch {
            return ([], [ImportProblem(row: error.line, column: "-", message: LocalizedMessage("import.unreadable", error.message))])
        }
    }
}
