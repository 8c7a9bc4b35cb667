import LumbungCore
import Vapor

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = DeploymentSettings }
    private struct ClockKey: StorageKey { typealias Value = Clock }

    /// The deployment's settings, read from the environment once by `configure`.
    var lumbung: DeploymentSettings {
        get { storage[SettingsKey.self] ?? DeploymentSettings(databaseLocation: .sqliteMemory) }
        set { storage[SettingsKey.self] = newValue }
    }

    /// The only source of "now" for the application; tests replace it.
    public var clock: Clock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var clock: Clock { application.clock }
    var now: Date { application.clock.now() }
    var today: CalendarDate { application.clock.today }
}
