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

extension Application {
    /// A value every request shares, made on first use; `configure` touches each one before the
    /// first request, so that no request ever writes to the application's storage.
    func shared<Key: StorageKey>(_ key: Key.Type, make: () -> Key.Value) -> Key.Value {
        if let existing = storage[key] { return existing }
        let created = make()
        storage[key] = created
        return created
    }
}

extension Request {
    var clock: Clock { application.clock }
    var now: Date { application.clock.now() }
    var today: CalendarDate { application.clock.today }
}
