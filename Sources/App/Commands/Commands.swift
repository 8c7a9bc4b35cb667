import Vapor

extension Application {
    func registerCommands() {
        asyncCommands.use(UserCommand(), as: "user")
        asyncCommands.use(DemoCommand(), as: "demo")
        asyncCommands.use(AgencyCommand(), as: "agency")
        asyncCommands.use(ImportCommand(), as: "import")
        asyncCommands.use(ExportCommand(), as: "export")
    }
}
