import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import LumbungCore
import Vapor

/// Sets up the database, templates, middleware, migrations and routes. Reads the environment
/// once (`DeploymentSettings`) and touches no database: commands prepare it when they run.
public func configure(_ app: Application) async throws {
    let settings: DeploymentSettings
    do {
        settings = try DeploymentSettings.read(ProcessInfo.processInfo.environment, isTesting: app.environment == .testing)
    } catch {
        throw ConfigurationError(description: error.description)
    }
    try configure(app, settings: settings)
}

/// The same with settings given directly (tests use this to vary them).
public func configure(_ app: Application, settings: DeploymentSettings) throws {
    app.lumbung = settings
    switch settings.databaseLocation {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url):
        app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url)), as: .psql)
    }

    app.passwords.use(.bcrypt(cost: app.environment == .testing ? 4 : 12))
    app.prepareDummyPasswordHash()
    app.prepareSharedState()

    let resources = ResourceLocation.directory
    app.leaf.configuration = LeafConfiguration(rootDirectory: resources + "Views/")
    // The bundle sits under `.build/` in a checkout; the default limits refuse any path with a
    // hidden folder in it, so allow that while keeping templates inside the views folder.
    app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                                                  sandboxDirectory: resources + "Views/", viewDirectory: resources + "Views/"))
    app.leaf.tags["t"] = TranslateTag()
    CachedLeaf.use(on: app)


    // The small limit every route has unless it takes an upload: a full innovation form
    // (20.000 characters of rancang bangun and more) fits easily.
    app.routes.defaultMaxBodySize = "1mb"
    // Text answers (HTML, JSON, CSV, CSS, JS, SVG) are gzipped for clients that accept it; files
    // that are compressed already (XLSX, PDF, images) are sent as they are. Form tokens are
    // masked afresh on every page, so compression reveals nothing of them.
    app.http.server.configuration.responseCompression = .enabledForCompressibleTypes
    app.middleware = .init()
    // Outermost first: every answer, error pages included, gets the security headers and is
    // counted; errors become pages; then the session, then the language.
    app.middleware.use(SecurityHeadersMiddleware(strictTransportSecurity: settings.secureCookies))
    app.middleware.use(RequestMetricsMiddleware())
    // One line per request at `debug` (LOG_LEVEL=debug shows them): at `info` the line cost a
    // quarter of a small answer's time, and /metrics counts every route already. Errors are
    // still logged at their own level.
    app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
    app.middleware.use(PageErrorMiddleware(environment: app.environment))
    app.middleware.use(UnroutedRequestMiddleware())
    app.middleware.use(StaticAssetMiddleware(assets: app.staticAssets))
    app.middleware.use(LoginSessionMiddleware())
    app.middleware.use(LanguageMiddleware())

    app.registerMigrations()
    app.registerCommands()
    try routes(app)
    app.routeMethods.build(from: app.routes)
    for route in app.routes.all { route.rememberPattern() }
}

enum CachedLeaf {
    /// Renders with Leaf's own renderer, except that parsed templates are kept in memory in every
    /// environment (Leaf turns its cache off in `development`, which is what `lumbung serve` runs
    /// in, and reading and parsing the templates again for every page cost more than the search).
    /// Only someone editing templates in a folder of their own (`LUMBUNG_RESOURCES`) gets them
    /// read afresh. The renderer is made once, after Leaf is configured: making it for every page
    /// copied Leaf's configuration, tags and cache settings each time (2 % of a catalogue page).
    static func use(on app: Application) {
        var cache = app.leaf.cache
        cache.isEnabled = ProcessInfo.processInfo.environment["LUMBUNG_RESOURCES"] == nil
        var userInfo = app.leaf.userInfo
        userInfo["application"] = app
        let shared = Shared(renderer: LeafRenderer(configuration: app.leaf.configuration, tags: app.leaf.tags, cache: cache,
                                                   sources: app.leaf.sources, eventLoop: app.eventLoopGroup.next(), userInfo: userInfo))
        app.views.use { _ in shared.renderer }
    }

    /// Every request reads this renderer and renders with its own copy (`for(_:)` makes one on
    /// the request's event loop); nothing in it changes after it is made, and Leaf's template
    /// cache guards itself with a lock.
    private struct Shared: @unchecked Sendable { let renderer: LeafRenderer }
}

struct ConfigurationError: Error, CustomStringConvertible {
    let description: String
}

extension Application {
    /// What requests share, made before the first request so that no request has to create it.
    func prepareSharedState() {
        _ = secrets
        _ = catalogue
        _ = metrics
        _ = routeMethods
        _ = shutdownGate
        _ = staticAssets
        _ = databaseProbe
    }
}
