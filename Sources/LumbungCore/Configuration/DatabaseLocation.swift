import Foundation

/// Where the data lives, read from `DATABASE_URL`: `postgres://user:pass@host:port/db`,
/// `sqlite:///absolute/path.sqlite`, `sqlite::memory:`, or nothing for `./lumbung.sqlite`.
public enum DatabaseLocation: Equatable, Sendable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    public static let defaultFile = "lumbung.sqlite"

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case unsupported(String)
        case notATestDatabase(String)

        public var description: String {
            switch self {
            case .unsupported(let value):
                "\"\(value)\" is not understood: use postgres://USER:PASSWORD@HOST:PORT/DATABASE or sqlite:///ABSOLUTE/PATH.sqlite"
            case .notATestDatabase(let name):
                "the tests empty the database they use, and \"\(name)\" does not look like a test database: name it with \"test\" as a word of it (for example lumbung_test)"
            }
        }
    }

    public static func parse(_ value: String?) throws(ParseError) -> DatabaseLocation {
        guard let value = value?.trimmingWhitespace(), !value.isEmpty else {
            return .sqliteFile(path: defaultFile)
        }
        let lower = value.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            return .postgres(url: value)
        }
        if lower == "sqlite::memory:" || lower == "sqlite://:memory:" {
            return .sqliteMemory
        }
        if lower.hasPrefix("sqlite://") {
            let path = String(value.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw .unsupported(value) }
            return .sqliteFile(path: path)
        }
        throw .unsupported(value)
    }

    /// The word /health reports.
    public var kind: String {
        switch self {
        case .sqliteFile, .sqliteMemory: "sqlite"
        case .postgres: "postgres"
        }
    }
}

extension DatabaseLocation {
    /// The database the tests use: in-memory SQLite unless `TEST_DATABASE_URL` names one, and
    /// then only one whose name says it is for tests (`lumbung_test`, `test.sqlite`), because
    /// the tests empty the database they are given.
    public static func forTests(_ value: String?) throws(ParseError) -> DatabaseLocation {
        guard let value = value?.trimmingWhitespace(), !value.isEmpty else { return .sqliteMemory }
        let location = try parse(value)
        if let name = location.databaseName, !isMarkedForTests(name) {
            throw .notATestDatabase(name)
        }
        return location
    }

    /// "test" or "tests" as a word of the name, between separators (`lumbung_test`,
    /// `test-lumbung.sqlite`), not inside another word (`latest`, `contest`, `attestation`).
    static func isMarkedForTests(_ name: String) -> Bool {
        let words = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.contains("test") || words.contains("tests")
    }

    /// The PostgreSQL database's name, or the SQLite file's name.
    public var databaseName: String? {
        switch self {
        case .sqliteMemory: return nil
        case .sqliteFile(let path): return path.split(separator: "/").last.map(String.init) ?? path
        case .postgres(let url):
            let path = URLComponents(string: url)?.path ?? ""
            return String(path.drop(while: { $0 == "/" }))
        }
    }
}
