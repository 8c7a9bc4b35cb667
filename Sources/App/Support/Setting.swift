import Fluent
import NIOConcurrencyHelpers
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
/// asked the database twice). Every instance reads the same row, so all agree within that time.
final class DemoFlag: Sendable {
    static let maximumAge: Duration = .seconds(10)
    private let last = NIOLockedValueBox<(at: ContinuousClock.Instant, isDemo: Bool)?>(nil)

    func isDemo(on db: any Database) async throws -> Bool {
        let now = ContinuousClock.now
        if let last = last.withLockedValue({ $0 }), now - last.at < Self.maximumAge { return last.isDemo }
        let isDemo = try await Setting.isDemo(on: db)
        last.withLockedValue { $0 = (now, isDemo) }
        return isDemo
    }

    /// After the demonstration province is loaded in this process.
    func forget() { last.withLockedValue { $0 = nil } }
}

extension Application {
    private struct DemoFlagKey: StorageKey { typealias Value = DemoFlag }

    var demoFlag: DemoFlag { shared(DemoFlagKey.self) { DemoFlag() } }
}
