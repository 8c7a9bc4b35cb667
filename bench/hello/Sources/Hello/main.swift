import Vapor

// `hello [--port P]`: GET / answers "ok" as plain text; nothing else runs (no middleware
// but Vapor's own, no logging per request).
var env = try Environment.detect()
let app = try await Application.make(env)
app.logger.logLevel = .warning
app.middleware = .init()
app.get { _ in "ok" }
try await app.execute()
try await app.asyncShutdown()
