/// Where the data lives, read from `DATABASE_URL`: `postgres://user:pass@host:port/db`,
/// `sqlite:///absolute/path.sqlite`, `sqlite::memory:`, or nothing for `./lumbung.sqlite`.
public enum DatabaseLocation: Equatable, Sendable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    public static let defaultFile = "lumbung.sqlite"

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case unsupported(String)

        public var description: String {
            switch self {
            case .unsupported(let value):
                "DATABASE_URL \"\(value)\" is not understood: use postgres://USER:PASSWORD@HOST:PORT/DATABASE or sqlite:///ABSOLUTE/PATH.sqlite"
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
