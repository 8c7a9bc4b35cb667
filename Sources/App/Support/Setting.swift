import Fluent

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
