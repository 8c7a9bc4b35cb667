import Foundation

/// What a deployment decides through environment variables, read in one place when the
/// application is configured. A value that cannot be understood is an error naming the
/// variable, never a silent default.
public struct DeploymentSettings: Sendable, Equatable {
    public var databaseLocation: DatabaseLocation
    /// `LUMBUNG_SECURE_COOKIES=true`: cookies only over HTTPS, and Strict-Transport-Security.
    public var secureCookies: Bool
    /// `LUMBUNG_TRUSTED_PROXIES`: whose `X-Forwarded-For` is believed.
    public var trustedProxies: TrustedProxies
    /// `LUMBUNG_SESSION_IDLE_MINUTES` (120): a session unused this long has ended.
    public var sessionIdleTimeout: TimeInterval
    /// `LUMBUNG_SESSION_HOURS` (12): no session lasts longer than this, used or not.
    public var sessionLifetime: TimeInterval
    /// `LUMBUNG_SEARCH_CACHE` (256): recent catalogue answers kept in memory; 0 turns it off.
    public var searchCacheSize: Int
    /// `LUMBUNG_METRICS_TOKEN`: `/metrics` answers only requests that send this bearer token.
    public var metricsToken: String?
    /// `LUMBUNG_IMPORT_MAX_MB` (64): the largest spreadsheet an admin may upload.
    public var importLimitBytes: Int
    /// `LUMBUNG_SQLITE_BUSY_SECONDS` (10): how long a write waits for another process's write.
    public var sqliteBusyTimeout: TimeInterval
    /// `LUMBUNG_UPLOAD_MAX_MB` (10): the largest document (PDF, JPEG, PNG) anyone may upload.
    public var uploadLimitBytes: Int

    public static let defaultSessionIdleMinutes = 120
    public static let defaultSessionHours = 12
    public static let defaultImportMegabytes = 64
    public static let defaultBusySeconds = 10
    public static let defaultUploadMegabytes = 10

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let variable: String
        public let message: String
        public var description: String { "\(variable): \(message)" }
    }

    /// Reads the settings from `environment`. Tests (`isTesting`) never read `DATABASE_URL`, the
    /// variable production uses: they read `TEST_DATABASE_URL`, see `DatabaseLocation.forTests`.
    public static func read(_ environment: [String: String], isTesting: Bool) throws(Problem) -> DeploymentSettings {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        func number(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws(Problem) -> Int {
            guard let text = value(name) else { return fallback }
            guard let number = Int(text), range.contains(number) else {
                throw Problem(variable: name, message: "\"\(text)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
        let location: DatabaseLocation
        do {
            location = isTesting ? try DatabaseLocation.forTests(value("TEST_DATABASE_URL"))
                : try DatabaseLocation.parse(value("DATABASE_URL"))
        } catch {
            throw Problem(variable: isTesting ? "TEST_DATABASE_URL" : "DATABASE_URL", message: error.description)
        }
        var secure = false
        if let text = value("LUMBUNG_SECURE_COOKIES") {
            switch text.lowercased() {
            case "true", "1", "yes": secure = true
            case "false", "0", "no": secure = false
            default: throw Problem(variable: "LUMBUNG_SECURE_COOKIES", message: "\"\(text)\" must be true or false")
            }
        }
        let proxies: TrustedProxies
        do { proxies = try TrustedProxies(parsing: value("LUMBUNG_TRUSTED_PROXIES") ?? "") } catch {
            throw Problem(variable: "LUMBUNG_TRUSTED_PROXIES", message: "\"\(error.entry)\" is not an IP address or CIDR range")
        }
        let idle = try number("LUMBUNG_SESSION_IDLE_MINUTES", default: defaultSessionIdleMinutes, range: 1...(60 * 24 * 30))
        let hours = try number("LUMBUNG_SESSION_HOURS", default: defaultSessionHours, range: 1...(24 * 90))
        guard TimeInterval(idle * 60) <= TimeInterval(hours * 3600) else {
            throw Problem(variable: "LUMBUNG_SESSION_IDLE_MINUTES", message: "\(idle) minutes is longer than LUMBUNG_SESSION_HOURS (\(hours) hours)")
        }
        return DeploymentSettings(
            databaseLocation: location, secureCookies: secure, trustedProxies: proxies,
            sessionIdleTimeout: TimeInterval(idle * 60), sessionLifetime: TimeInterval(hours * 3600),
            searchCacheSize: try number("LUMBUNG_SEARCH_CACHE", default: 256, range: 0...100_000),
            metricsToken: value("LUMBUNG_METRICS_TOKEN"),
            importLimitBytes: try number("LUMBUNG_IMPORT_MAX_MB", default: defaultImportMegabytes, range: 1...1024) * 1024 * 1024,
            sqliteBusyTimeout: TimeInterval(try number("LUMBUNG_SQLITE_BUSY_SECONDS", default: defaultBusySeconds, range: 0...600)),
            uploadLimitBytes: try number("LUMBUNG_UPLOAD_MAX_MB", default: defaultUploadMegabytes, range: 1...256) * 1024 * 1024)
    }

    public init(databaseLocation: DatabaseLocation, secureCookies: Bool = false, trustedProxies: TrustedProxies = .none,
                sessionIdleTimeout: TimeInterval = TimeInterval(defaultSessionIdleMinutes * 60),
                sessionLifetime: TimeInterval = TimeInterval(defaultSessionHours * 3600),
                searchCacheSize: Int = 256, metricsToken: String? = nil,
                importLimitBytes: Int = defaultImportMegabytes * 1024 * 1024,
                sqliteBusyTimeout: TimeInterval = TimeInterval(defaultBusySeconds),
                uploadLimitBytes: Int = defaultUploadMegabytes * 1024 * 1024) {
        self.databaseLocation = databaseLocation
        self.secureCookies = secureCookies
        self.trustedProxies = trustedProxies
        self.sessionIdleTimeout = sessionIdleTimeout
        self.sessionLifetime = sessionLifetime
        self.searchCacheSize = searchCacheSize
        self.metricsToken = metricsToken
        self.importLimitBytes = importLimitBytes
        self.sqliteBusyTimeout = sqliteBusyTimeout
        self.uploadLimitBytes = uploadLimitBytes
    }
}
