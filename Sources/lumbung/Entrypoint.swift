import App
import Logging
import Vapor
import Foundation
import NIOCore
import NIOPosix

@main
enum Entrypoint {
    static func main() async throws {
        // Swift's tasks run on NIO's event loops, so a request's handler goes on on the loop
        // that read it instead of hopping to another pool of threads at every step. Work that
        // keeps a processor busy for seconds runs on `BackgroundWork`'s threads instead.
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        // `serve --demo` loads the demonstration province before serving; Vapor's own
        // serve command does not know the flag, so it is taken out here.
        let loadDemo = env.arguments.contains("--demo")
        env.arguments.removeAll { $0 == "--demo" }

        let app = try await Application.make(env)
        do {
            try await configure(app)
            app.launchOptions = LaunchOptions(loadDemo: loadDemo)
            // `startup` runs the command; `serve` then runs until SIGTERM or SIGINT. (Vapor's
            // `execute` would also log every refusal, so that it showed twice.)
            try await app.startup()
            try await app.running?.onStop.get()
            await Startup.stopServing(app)
        } catch {
            // A clear message and a failing exit code, not a crash report.
            FileHandle.standardError.write(Data("lumbung: \(error)\n".utf8))
            await Startup.stopServing(app)
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
