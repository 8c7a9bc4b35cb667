import Fluent
import LumbungCore

/// Urusan pemerintahan as stored, seeded from `GovernmentAffair.all` so that an admin's
/// reports and other tables can join on it.
final class GovernmentAffairRecord: Model, @unchecked Sendable {
    static let schema = "government_affairs"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "affair_group") var group: String
    @Field(key: "sort_order") var sortOrder: Int

    init() {}

    init(_ affair: GovernmentAffair, sortOrder: Int) {
        self.id = affair.code
        self.name = affair.name
        self.group = affair.group.rawValue
        self.sortOrder = sortOrder
    }
}
