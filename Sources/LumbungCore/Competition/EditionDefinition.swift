import Foundation

/// Who runs an edition: KemenPANRB's national KIPP, a provincial contest (Lomba Inovasi Daerah),
/// or the Biro's own pre-selection for KIPP.
public enum Organiser: String, Codable, CaseIterable, Sendable {
    case nationalKIPP
    case provincialContest
    case internalSelection
}

/// What an edition counts an agency's quota against: the whole registry (in KIPP the province
/// is one instansi, so "at most 10 umum" is for the province), or each top-level agency with its
/// units (a provincial contest that lets every OPD enter a few).
public enum QuotaScope: String, Codable, CaseIterable, Sendable {
    case wholeRegistry
    case perAgency
}

/// A rule of a group beyond age, bentuk and tahapan.
public enum EligibilityRule: String, Codable, CaseIterable, Sendable {
    /// Has not won the top tier (Top 45, Top 40, "terpuji") of an earlier KIPP.
    case notTopTierWinnerBefore
    /// Has not been a finalist (Top 99) of two earlier KIPP editions.
    case notFinalistTwice
    /// Replicates a named innovation (kelompok replikasi).
    case replicatesNamedInnovation
    /// Was a top-tier winner of an earlier KIPP (kelompok khusus).
    case wasTopTierWinner
}

/// A part of the proposal with its word limit (bagian proposal).
public struct ProposalSection: Codable, Equatable, Sendable {
    public var key: String
    public var title: String
    public var maxWords: Int
    public var minWords: Int
    public var guidance: String
    /// The profile text a new proposal starts from, when one fits.
    public var prefill: ProfileField?

    public init(key: String, title: String, maxWords: Int, minWords: Int = 0, guidance: String = "", prefill: ProfileField? = nil) {
        self.key = key
        self.title = title
        self.maxWords = maxWords
        self.minWords = minWords
        self.guidance = guidance
        self.prefill = prefill
    }
}

/// Kelompok: umum, replikasi, khusus… with its own rules, sections, documents and quota.
public struct EntryGroup: Codable, Equatable, Sendable {
    public var key: String
    public var name: String
    /// Years from the implementation start to the close of registration, day-exact.
    public var minimumAgeYears: Int
    /// Allowed bentuk; empty means any.
    public var allowedCategories: [InnovationCategory]
    /// Allowed tahapan; empty means any.
    public var allowedStages: [Stage]
    public var rules: [EligibilityRule]
    /// Sections this group fills in after the edition's base sections.
    public var extraSections: [ProposalSection]
    /// Keys of the documents this group needs beyond the edition's own.
    public var extraDocuments: [String]
    /// How many entries each quota holder may send; nil means no limit.
    public var quota: Int?

    public init(key: String, name: String, minimumAgeYears: Int, allowedCategories: [InnovationCategory] = [],
                allowedStages: [Stage] = [.implementation], rules: [EligibilityRule] = [], extraSections: [ProposalSection] = [],
                extraDocuments: [String] = [], quota: Int? = nil) {
        self.key = key
        self.name = name
        self.minimumAgeYears = minimumAgeYears
        self.allowedCategories = allowedCategories
        self.allowedStages = allowedStages
        self.rules = rules
        self.extraSections = extraSections
        self.extraDocuments = extraDocuments
        self.quota = quota
    }
}

/// Kategori, one of which a proposal chooses.
public struct CompetitionCategory: Codable, Equatable, Sendable {
    public var key: String
    public var name: String

    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }
}

/// A named upload a proposal needs (SK penetapan inovator, surat pernyataan…).
public struct RequiredDocument: Codable, Equatable, Sendable {
    public var key: String
    public var name: String
    /// Whether every proposal needs it; otherwise only the groups that list it.
    public var forAllGroups: Bool

    public init(key: String, name: String, forAllGroups: Bool = true) {
        self.key = key
        self.name = name
        self.forAllGroups = forAllGroups
    }
}

/// Kriteria penilaian with its weight (percent) and the scale evaluators score on.
public struct Criterion: Codable, Equatable, Sendable {
    public var key: String
    public var name: String
    public var weight: Double
    public var scaleMin: Int
    public var scaleMax: Int
    public var guidance: String

    public init(key: String, name: String, weight: Double, scaleMin: Int = 1, scaleMax: Int = 10, guidance: String = "") {
        self.key = key
        self.name = name
        self.weight = weight
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        self.guidance = guidance
    }
}

/// Tahap seleksi: administrasi, Tim Evaluasi, TPI, presentasi dan wawancara, penetapan.
public struct SelectionStage: Codable, Equatable, Sendable {
    public var key: String
    public var name: String
    public var starts: CalendarDate?
    public var ends: CalendarDate?
    /// Whether evaluators score proposals in this stage (Tim Evaluasi, TPI, an internal panel).
    public var isScored: Bool

    public init(key: String, name: String, starts: CalendarDate? = nil, ends: CalendarDate? = nil, isScored: Bool = false) {
        self.key = key
        self.name = name
        self.starts = starts
        self.ends = ends
        self.isScored = isScored
    }
}

/// Top 99, Top 45, Outstanding, Top 5 Replikasi… with what they mean for later editions.
public struct AwardTier: Codable, Equatable, Sendable {
    public var key: String
    public var name: String
    /// A finalist tier (Top 99, Top 15 khusus): counts for "not a finalist twice".
    public var isFinalist: Bool
    /// A winning top tier (Top 45, Top 40, terpuji): bars kelompok umum later, opens khusus.
    public var isTopTier: Bool

    public init(key: String, name: String, isFinalist: Bool = false, isTopTier: Bool = false) {
        self.key = key
        self.name = name
        self.isFinalist = isFinalist
        self.isTopTier = isTopTier
    }
}

/// An edition's rules: everything that changed between 2018 and 2026 is here, not in code.
public struct EditionDefinition: Codable, Equatable, Sendable {
    public var groups: [EntryGroup]
    public var categories: [CompetitionCategory]
    /// Sections every group fills in, before its own.
    public var baseSections: [ProposalSection]
    public var documents: [RequiredDocument]
    public var requiresVideo: Bool
    public var requiresSDGs: Bool
    public var quotaScope: QuotaScope
    public var criteria: [Criterion]
    public var stages: [SelectionStage]
    public var awardTiers: [AwardTier]
    /// Where these rules come from, and how sure that is (shown on the edition page).
    public var source: String
    /// Whether evaluators score without the agency, innovator and innovation names. Editions
    /// saved before the setting existed have none, and score blind.
    public var blindScoring: Bool = true

    public init(groups: [EntryGroup], categories: [CompetitionCategory], baseSections: [ProposalSection],
                documents: [RequiredDocument] = [], requiresVideo: Bool = true, requiresSDGs: Bool = true,
                quotaScope: QuotaScope = .wholeRegistry, criteria: [Criterion] = [], stages: [SelectionStage] = [],
                awardTiers: [AwardTier] = [], source: String = "") {
        self.groups = groups
        self.categories = categories
        self.baseSections = baseSections
        self.documents = documents
        self.requiresVideo = requiresVideo
        self.requiresSDGs = requiresSDGs
        self.quotaScope = quotaScope
        self.criteria = criteria
        self.stages = stages
        self.awardTiers = awardTiers
        self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        groups = try values.decode([EntryGroup].self, forKey: .groups)
        categories = try values.decode([CompetitionCategory].self, forKey: .categories)
        baseSections = try values.decode([ProposalSection].self, forKey: .baseSections)
        documents = try values.decode([RequiredDocument].self, forKey: .documents)
        requiresVideo = try values.decode(Bool.self, forKey: .requiresVideo)
        requiresSDGs = try values.decode(Bool.self, forKey: .requiresSDGs)
        quotaScope = try values.decode(QuotaScope.self, forKey: .quotaScope)
        criteria = try values.decode([Criterion].self, forKey: .criteria)
        stages = try values.decode([SelectionStage].self, forKey: .stages)
        awardTiers = try values.decode([AwardTier].self, forKey: .awardTiers)
        source = try values.decode(String.self, forKey: .source)
        blindScoring = try values.decodeIfPresent(Bool.self, forKey: .blindScoring) ?? true
    }

    public func group(_ key: String) -> EntryGroup? { groups.first { $0.key == key } }
    public func category(_ key: String) -> CompetitionCategory? { categories.first { $0.key == key } }
    public func tier(_ key: String) -> AwardTier? { awardTiers.first { $0.key == key } }
    public func stage(_ key: String) -> SelectionStage? { stages.first { $0.key == key } }

    /// The sections of a group's proposal, in order: the base sections, then the group's own.
    public func sections(for groupKey: String) -> [ProposalSection] {
        baseSections + (group(groupKey)?.extraSections ?? [])
    }

    /// The documents a group's proposal needs.
    public func documents(for groupKey: String) -> [RequiredDocument] {
        let extra = Set(group(groupKey)?.extraDocuments ?? [])
        return documents.filter { $0.forAllGroups || extra.contains($0.key) }
    }
}
