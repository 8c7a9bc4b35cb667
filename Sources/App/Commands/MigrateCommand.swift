import Vapor

/// `lumbung migrate`: applies pending migrations, in place of Fluent's own command, which
/// prints every migration, asks for confirmation and leaves WAL and the busy timeout unset.
/// Every other command migrates when it starts its work; this one is for an operator who wants
/// the schema ready before the first `serve` (after an upgrade, say). Undoing migrations is not
/// offered: restore a backup instead (`lumbung backup` before an upgrade).
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Applies pending migrations (one line when something changed)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let applied = try await context.application.prepareDatabase(console: context.console)
        if applied == 0 {
            context.console.output("Database is up to date.".consoleText())
        }
    }
}
