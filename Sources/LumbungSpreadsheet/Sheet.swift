/// One worksheet: its name and its cells as text, row by row.
public struct Sheet: Sendable, Equatable {
    public var name: String
    public var rows: [[String]]

    public init(name: String, rows: [[String]]) {
        self.name = name
        self.rows = rows
    }
}

/// A spreadsheet file could not be read or written; `message` says why in plain words.
public struct SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
