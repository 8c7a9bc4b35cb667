import Fluent
import LumbungCore
import Foundation

/// One record per innovation, for all its years; everything else hangs off it.
final class Innovation: Model, @unchecked Sendable {
    static let schema = "innovations"

    // managed fields
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "created_by") var createdBy: Int?
    @OptionalField(key: "updated_by") var updatedBy: Int?

    // data fields
    /// Kode: unique when set; spreadsheets match rows to innovations by it.
    @OptionalField(key: "code") var code: String?
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "name") var name: String
    /// `InnovationProfile.nameKey(name)`: unique within an agency.
    @Field(key: "name_key") var nameKey: String
    @Field(key: "acronym") var acronym: String
    @Field(key: "category") var category: InnovationCategory
    @Field(key: "delivery_mode") var deliveryMode: DeliveryMode
    @Field(key: "stage") var stage: Stage
    @Field(key: "initiator") var initiator: Initiator
    @OptionalField(key: "main_affair") var mainAffair: String?
    @Field(key: "other_affairs") var otherAffairs: [String]
    @OptionalField(key: "trial_start") var trialStart: String?
    @OptionalField(key: "implementation_start") var implementationStart: String?
    /// The year of the trial, or of implementation without a trial; kept for filtering.
    @OptionalField(key: "start_year") var startYear: Int?
    @Field(key: "design") var design: String
    @Field(key: "goals") var goals: String
    @Field(key: "benefits") var benefits: String
    @Field(key: "results") var results: String
    @Field(key: "beneficiaries") var beneficiaries: String
    @Field(key: "themes") var themes: [String]
    @Field(key: "sdgs") var sdgs: [Int]
    @Field(key: "video_url") var videoURL: String
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    @OptionalField(key: "replicated_from_id") var replicatedFromID: Int?
    @Field(key: "replicated_from_name") var replicatedFromName: String

    // review fields
    @Field(key: "status") var status: ReviewStatus
    @Field(key: "is_public") var isPublic: Bool
    /// The admin's comments of the last revision request, by field (JSON), until resubmission.
    @OptionalField(key: "review_comments") var reviewComments: String?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "verified_at") var verifiedAt: Date?

    init() {}

    init(agencyID: Int, profile: InnovationProfile, userID: Int?) {
        self.$agency.id = agencyID
        self.status = .draft
        self.isPublic = false
        self.createdBy = userID
        self.updatedBy = userID
        apply(profile)
    }

    /// The kode an innovation gets when nobody gave it one: LMB-000042.
    static func defaultCode(_ id: Int) -> String {
        let digits = String(id)
        return "LMB-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    var profile: InnovationProfile {
        var p = InnovationProfile()
        p.name = name
        p.acronym = acronym
        p.category = category
        p.deliveryMode = deliveryMode
        p.stage = stage
        p.initiator = initiator
        p.mainAffair = mainAffair
        p.otherAffairs = otherAffairs
        p.trialStart = trialStart
        p.implementationStart = implementationStart
        p.design = design
        p.goals = goals
        p.benefits = benefits
        p.results = results
        p.beneficiaries = beneficiaries
        p.themes = themes
        p.sdgs = sdgs
        p.videoURL = videoURL
        p.latitude = latitude
        p.longitude = longitude
        p.replicatedFromID = replicatedFromID
        p.replicatedFromName = replicatedFromName
        return p
    }

    func apply(_ p: InnovationProfile) {
        name = p.name
        nameKey = InnovationProfile.nameKey(p.name)
        acronym = p.acronym
        category = p.category
        deliveryMode = p.deliveryMode
        stage = p.stage
        initiator = p.initiator
        mainAffair = p.mainAffair
        otherAffairs = p.otherAffairs
        trialStart = p.trialStart
        implementationStart = p.implementationStart
        startYear = p.startYear
        design = p.design
        goals = p.goals
        benefits = p.benefits
        results = p.results
        beneficiaries = p.beneficiaries
        themes = p.themes
        sdgs = p.sdgs
        videoURL = p.videoURL
        latitude = p.latitude
        longitude = p.longitude
        replicatedFromID = p.replicatedFromID
        replicatedFromName = p.replicatedFromName
    }

    var reviewState: ReviewState {
        get { ReviewState(status: status, isPublic: isPublic) }
        set { status = newValue.status; isPublic = newValue.isPublic }
    }

    var comments: [String: String] {
        guard let reviewComments, let data = reviewComments.data(using: .utf8),
              let decoded = try? JSONDecoder().decode([String: String].self, from: data) else { return [:] }
        return decoded
    }
}
