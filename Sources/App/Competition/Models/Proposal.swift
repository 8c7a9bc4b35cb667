import Fluent
import Foundation
import LumbungCore

/// A proposal: one innovation entered in one edition, built from its registry profile.
final class Proposal: Model, @unchecked Sendable {
    static let schema = "proposals"

    // managed fields
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "created_by") var createdBy: Int?
    @OptionalField(key: "updated_by") var updatedBy: Int?

    // data fields
    @Parent(key: "competition_id") var competition: Competition
    @Parent(key: "innovation_id") var innovation: Innovation
    /// The innovation's agency when the proposal was started (the quota holder's member).
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "group_key") var groupKey: String
    @Field(key: "category_key") var categoryKey: String
    /// Section texts by section key, as JSON.
    @Field(key: "sections") var sectionsJSON: String
    @Field(key: "video_url") var videoURL: String
    @Field(key: "sdgs") var sdgs: [Int]

    // review fields
    @Field(key: "status") var status: ProposalStatus
    /// The Biro's comments of the last return, by section key (and `general`), as JSON.
    @OptionalField(key: "review_comments") var reviewComments: String?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "selected_at") var selectedAt: Date?
    @OptionalField(key: "handed_over_at") var handedOverAt: Date?
    @OptionalField(key: "handed_over_by") var handedOverBy: String?

    init() {}

    init(competitionID: Int, innovation: Innovation, groupKey: String, categoryKey: String, sections: [String: String], userID: Int?) throws {
        self.$competition.id = competitionID
        self.$innovation.id = try innovation.requireID()
        self.$agency.id = innovation.$agency.id
        self.groupKey = groupKey
        self.categoryKey = categoryKey
        self.sections = sections
        self.videoURL = innovation.videoURL
        self.sdgs = innovation.sdgs
        self.status = .draft
        self.createdBy = userID
        self.updatedBy = userID
    }

    var sections: [String: String] {
        get { (try? JSONDecoder().decode([String: String].self, from: Data(sectionsJSON.utf8))) ?? [:] }
        set { sectionsJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }

    var comments: [String: String] {
        guard let reviewComments, let decoded = try? JSONDecoder().decode([String: String].self, from: Data(reviewComments.utf8)) else { return [:] }
        return decoded
    }

    /// What the readiness check reads, with the keys of the uploaded documents.
    func content(documents: Set<String>) -> ProposalContent {
        ProposalContent(groupKey: groupKey, categoryKey: categoryKey, sections: sections, videoURL: videoURL, sdgs: sdgs, documents: documents)
    }

    /// The proposal's state as a revision keeps it.
    struct Snapshot: Codable, Equatable {
        let groupKey: String
        let categoryKey: String
        let sections: [String: String]
        let videoURL: String
        let sdgs: [Int]
    }

    var snapshot: Snapshot { Snapshot(groupKey: groupKey, categoryKey: categoryKey, sections: sections, videoURL: videoURL, sdgs: sdgs) }
}

/// One saved state of a proposal, written at every save and every step of the flow.
final class ProposalRevision: Model, @unchecked Sendable {
    static let schema = "proposal_revisions"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "proposal_id") var proposal: Proposal
    @Field(key: "number") var number: Int
    /// `created`, `edited`, a `ProposalAction` raw value, `document` or `outcome`.
    @Field(key: "action") var action: String
    @OptionalField(key: "user_id") var userID: Int?
    @Field(key: "user_name") var userName: String
    @Field(key: "status") var status: ProposalStatus
    @Field(key: "snapshot") var snapshot: String
    @OptionalField(key: "note") var note: String?

    init() {}
}
