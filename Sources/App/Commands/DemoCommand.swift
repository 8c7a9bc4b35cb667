import Vapor

/// `lumbung demo`: loads the demonstration province into an empty database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Loads the demonstration province (Kalimantan Utara model) into an empty database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.prepareDatabase(console: context.console)
        try await Startup.loadDemo(context.application)
    }
}
