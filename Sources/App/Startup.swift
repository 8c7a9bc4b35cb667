import Fluent
import LumbungCore
import Vapor

/// What `lumbung serve` does before it serves: bring the database up to date, load the
/// demonstration province when asked (`--demo`), build the catalogue's index, start the
/// housekeeping jobs, and tell the person at the console how to get in. Other commands prepare
/// the database themselves when they run; `--help` and bad arguments touch nothing.
public enum Startup {
    static func prepareServing(_ app: Application, console: any Console, host: String, port: String) async throws {
        try await app.prepareDatabase(console: console)
        if app.launchOptions.loadDemo { try await loadDemo(app) }
        app.catalogue.buildInBackground(on: app.db, logger: app.logger)
        let jobs = RepeatingJobs()
        app.lifecycle.use(jobs)
        jobs.startServing(app)
        try await greet(app, host: host, port: port)
    }

    /// Stops serving without dropping anything: new requests get 503, those in progress
    /// finish, then the server closes its connections; only then may the database close.
    public static func stopServing(_ app: Application) async {
        await app.shutdownGate.close(timeout: 15)
        await app.server.shutdown()
    }

    static func loadDemo(_ app: Application) async throws {
        if try await Setting.isDemo(on: app.db) {
            app.logger.notice("Demonstration data is already loaded.")
            return
        }
        let started = Date()
        try await DemoProvince.load(on: app.db, now: app.clock.now()) { password in try await app.password.async.hash(password) }
        app.demoFlag.forget()
        app.logger.notice("Demonstration province loaded in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
    }

    private static func greet(_ app: Application, host: String, port: String) async throws {
        var lines = ["", "Lumbung: http://\(host):\(port)/  (database: \(app.lumbung.databaseLocation.kind))"]
        if try await Setting.isDemo(on: app.db) {
            lines.append("DATA DEMONSTRASI / demonstration data. Akun / accounts:")
            for account in DemoProvince.accounts {
                lines.append("  \(account.role.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(account.email)  \(account.password)")
            }
        } else if try await User.query(on: app.db).filter(\.$role == .admin).filter(\.$isActive == true).count() == 0 {
            lines += [
                "Belum ada akun admin. Buat satu dengan / No admin account yet. Create one with:",
                "  swift run lumbung user create --email admin@contoh.go.id --name \"Nama Admin\" --role admin",
                "  (kata sandi dibaca dari masukan standar / the password is read from standard input)",
                "Atau muat provinsi demonstrasi / or load the demonstration province: swift run lumbung serve --demo",
            ]
        }
        print(lines.joined(separator: "\n") + "\n")
    }
}

/// What the command line asked for beyond Vapor's own options.
public struct LaunchOptions: Sendable {
    public var loadDemo = false
    public init(loadDemo: Bool = false) { self.loadDemo = loadDemo }
}

extension Application {
    private struct LaunchOptionsKey: StorageKey { typealias Value = LaunchOptions }

    public var launchOptions: LaunchOptions {
        get { storage[LaunchOptionsKey.self] ?? LaunchOptions() }
        set { storage[LaunchOptionsKey.self] = newValue }
    }
}

/// Vapor's `serve`, with Lumbung's preparation first. The arguments are checked before
/// anything happens, so that `serve --bogus` fails without touching a database.
struct PreparedServeCommand: AnyAsyncCommand {
    let serve: any AnyAsyncCommand

    var help: String { serve.help }

    func run(using context: inout CommandContext) async throws {
        var probe = context.input
        let signature = try ServeCommand.Signature(from: &probe)
        if !probe.arguments.isEmpty { throw CommandError.unknownInput(probe.arguments.joined(separator: " ")) }
        _ = signature
        let host = Self.value(of: ["--hostname", "-H"], in: context.input.arguments) ?? "127.0.0.1"
        let port = Self.value(of: ["--port", "-p"], in: context.input.arguments) ?? "8080"
        try await Startup.prepareServing(context.application, console: context.console, host: host, port: port)
        try await serve.run(using: &context)
    }

    func outputAutoComplete(using context: inout CommandContext) throws {
        try serve.outputAutoComplete(using: &context)
    }

    func outputHelp(using context: inout CommandContext) throws {
        try serve.outputHelp(using: &context)
        context.console.output("      --demo Load the demonstration province into an empty database first.".consoleText())
    }

    func renderCompletionFunctions(using context: CommandContext, shell: Shell) -> String {
        serve.renderCompletionFunctions(using: context, shell: shell)
    }

    private static func value(of names: [String], in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(where: names.contains), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
}
