import Vapor

extension Application {
    func registerCommands() {
        if let serve = asyncCommands.commands["serve"] {
            asyncCommands.use(PreparedServeCommand(serve: serve), as: "serve", isDefault: true)
        }
        asyncCommands.use(MigrateCommand(), as: "migrate")
        asyncCommands.use(UserCommand(), as: "user")
        asyncCommands.use(DemoCommand(), as: "demo")
        asyncCommands.use(AgencyCommand(), as: "agency")
        asyncCommands.use(ImportCommand(), as: "import")
        asyncCommands.use(ExportCommand(), as: "export")
        asyncCommands.use(BackupCommand(), as: "backup")
        asyncCommands.use(RestoreCommand(), as: "restore")
    }
}
