import Fluent
import Vapor

/// A value the whole deployment shares, such as whether demonstration data is loaded.
final class Setting: Model, @unchecked Sendable {
    static let schema = "settings"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}

    init(key: String, value: String) {
        self.id = key
        self.value = value
    }

    static let demoKey = "demo_data"

    static func isDemo(on db: any Database) async throws -> Bool {
        try await Setting.find(demoKey, on: db)?.value == "true"
    }
}

/// Whether demonstration data is loaded, as every page's notice shows it: read from the
/// database at most every ten seconds instead of once per page (a catalogue page otherwise
/// asked the database twice).
final class DemoFlag: Sendable {
    private let last = RecentAnswer<Bool>(maximumAge: .seconds(10))

    func isDemo(on db: any Database) async throws -> Bool {
        let now = ContinuousClock.now
        if let isDemo = last.fresh(now: now) { return isDemo }
        let isDemo = try await Setting.isDemo(on: db)
        last.remember(isDemo, at: now)
        return isDemo
    }

    /// After the demonstration province is loaded in this process.
    func forget() { last.forget() }
}

extension Application {
    private struct DemoFlagKey: StorageKey { typealias Value = DemoFlag }

    var demoFlag: DemoFlag { shared(DemoFlagKey.self) { DemoFlag() } }
}
