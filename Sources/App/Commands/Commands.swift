import Vapor

extension Application {
    func registerCommands() {
        asyncCommands.use(UserCommand(), as: "user")
        asyncCommands.use(DemoCommand(), as: "demo")
    }
}
