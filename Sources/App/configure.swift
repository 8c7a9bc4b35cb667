import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import LumbungCore
import Vapor

/// Sets up the database, sessions, templates, middleware, migrations and routes.
public func configure(_ app: Application) async throws {
    let location = try databaseLocation(for: app)
    switch location {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url):
        app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url)), as: .psql)
    }
    app.lumbung = LumbungSettings(databaseLocation: location)

    app.passwords.use(.bcrypt(cost: app.environment == .testing ? 4 : 12))

    app.sessions.use(.fluent)
    app.sessions.configuration.cookieName = "lumbung_session"
    let secureCookies = Environment.get("LUMBUNG_SECURE_COOKIES") == "true"
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(string: id.string, expires: Date().addingTimeInterval(60 * 60 * 12), maxAge: nil,
                          domain: nil, path: "/", isSecure: secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    let resources = ResourceLocation.directory
    app.views.use(.leaf)
    app.leaf.configuration = LeafConfiguration(rootDirectory: resources + "Views/")
    // The bundle sits under `.build/` in a checkout; the default limits refuse any path with a
    // hidden folder in it, so allow that while keeping templates inside the views folder.
    app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                                                  sandboxDirectory: resources + "Views/", viewDirectory: resources + "Views/"))
    app.leaf.tags["t"] = TranslateTag()
    if app.environment != .development { app.leaf.cache.isEnabled = true }

    // A full innovation form (20.000 characters of rancang bangun and more) fits easily.
    app.routes.defaultMaxBodySize = "1mb"
    app.middleware = .init()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(PageErrorMiddleware(environment: app.environment))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: resources + "Public/", defaultFile: nil))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(User.sessionAuthenticator())
    app.middleware.use(LanguageMiddleware())
    app.middleware.use(CSRFMiddleware())

    app.registerMigrations()
    app.registerCommands()
    try routes(app)
}

private func databaseLocation(for app: Application) throws -> DatabaseLocation {
    let value = Environment.get("DATABASE_URL")
    if app.environment == .testing && (value ?? "").isEmpty { return .sqliteMemory }
    return try DatabaseLocation.parse(value)
}

/// What the rest of the app needs to know about this deployment.
struct LumbungSettings: Sendable {
    let databaseLocation: DatabaseLocation
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = LumbungSettings }

    var lumbung: LumbungSettings {
        get { storage[SettingsKey.self] ?? LumbungSettings(databaseLocation: .sqliteMemory) }
        set { storage[SettingsKey.self] = newValue }
    }
}
