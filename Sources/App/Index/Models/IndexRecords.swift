import Fluent
import Foundation
import LumbungCore

/// One year's form of the Indeks Inovasi Daerah, as editable data (`IndicatorSet` as JSON).
final class IndicatorSetRecord: Model, @unchecked Sendable {
    static let schema = "indicator_sets"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "year") var year: Int
    @Field(key: "definition") var definitionJSON: String

    init() {}

    init(_ set: IndicatorSet) {
        year = set.year
        definition = set
    }

    var definition: IndicatorSet {
        get { (try? JSONDecoder().decode(IndicatorSet.self, from: Data(definitionJSON.utf8))) ?? IndicatorSets.iid2023 }
        set { definitionJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data(), as: UTF8.self) }
    }
}

/// An answer to one indicator for one year: per innovation (SID) or for the region (SPD,
/// innovation nil), with the evidence that supports it and the Biro's or Bappeda's validation.
final class IndexAnswer: Model, @unchecked Sendable {
    static let schema = "index_answers"

    enum Validation: String, Codable, Sendable, CaseIterable {
        case pending, validated, rejected
    }

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "year") var year: Int
    @OptionalField(key: "innovation_id") var innovationID: Int?
    @Field(key: "indicator_key") var indicatorKey: String
    @Field(key: "level") var level: Int
    @OptionalField(key: "evidence_id") var evidenceID: Int?
    @Field(key: "validation") var validation: Validation
    @Field(key: "comment") var comment: String
    @Field(key: "answered_by_name") var answeredByName: String
    @OptionalField(key: "validated_by_name") var validatedByName: String?

    init() {}

    /// What the index counts: a rejected answer counts as nothing.
    var countedLevel: Int { validation == .rejected ? 0 : level }
}
