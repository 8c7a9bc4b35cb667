import Fluent
import Foundation
import LumbungCore

/// Kompetisi: one edition (KIPP 2020, Lomba Inovasi Daerah 2025), with all its rules as data.
final class Competition: Model, @unchecked Sendable {
    static let schema = "competitions"

    // managed fields
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "year") var year: Int
    @Field(key: "organiser") var organiser: Organiser
    @Field(key: "registration_opens_at") var opensAt: Date
    @Field(key: "registration_closes_at") var closesAt: Date
    /// `EditionDefinition` as JSON: groups, categories, sections, documents, quotas, criteria,
    /// stages and award tiers.
    @Field(key: "definition") var definitionJSON: String
    /// The edition this one was copied from, if any.
    @OptionalField(key: "copied_from_id") var copiedFromID: Int?

    init() {}

    init(name: String, year: Int, organiser: Organiser, opensAt: Date, closesAt: Date, definition: EditionDefinition) {
        self.name = name
        self.year = year
        self.organiser = organiser
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.definition = definition
    }

    var definition: EditionDefinition {
        get { (try? JSONDecoder().decode(EditionDefinition.self, from: Data(definitionJSON.utf8))) ?? EditionDefinition(groups: [], categories: [], baseSections: []) }
        set { definitionJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data(), as: UTF8.self) }
    }

    /// Whether proposals may be started and submitted at `now`.
    func isOpen(at now: Date) -> Bool { opensAt <= now && now <= closesAt }

    /// The last day of registration in WITA, which eligibility counts ages to.
    var closingDay: CalendarDate { WITATime.parts(closesAt).day }
}
