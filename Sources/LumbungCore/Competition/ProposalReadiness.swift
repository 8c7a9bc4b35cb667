/// What a proposal holds, for the readiness check.
public struct ProposalContent: Sendable, Equatable {
    public var groupKey: String
    public var categoryKey: String
    public var sections: [String: String]
    public var videoURL: String
    public var sdgs: [Int]
    /// Keys of the documents uploaded.
    public var documents: Set<String>

    public init(groupKey: String, categoryKey: String, sections: [String: String], videoURL: String, sdgs: [Int], documents: Set<String>) {
        self.groupKey = groupKey
        self.categoryKey = categoryKey
        self.sections = sections
        self.videoURL = videoURL
        self.sdgs = sdgs
        self.documents = documents
    }
}

/// One section's word count against its limits.
public struct SectionCount: Sendable, Equatable {
    public let section: ProposalSection
    public let words: Int
    public var isOver: Bool { words > section.maxWords }
    public var isUnder: Bool { words < max(section.minWords, 1) }
}

/// Every open point of a proposal at once: eligibility rule by rule, sections over or under
/// their limits, missing uploads, video and SDGs. A proposal may be submitted when nothing is open.
public struct ProposalReadiness: Sendable {
    public let eligibility: [RuleOutcome]
    public let sections: [SectionCount]
    public let missingDocuments: [RequiredDocument]
    public let missingVideo: Bool
    public let missingSDGs: Bool
    public let unknownGroupOrCategory: Bool

    public init(definition: EditionDefinition, content: ProposalContent, eligibility: [RuleOutcome]) {
        self.eligibility = eligibility
        sections = definition.sections(for: content.groupKey).map {
            SectionCount(section: $0, words: WordCounter.count(content.sections[$0.key] ?? ""))
        }
        missingDocuments = definition.documents(for: content.groupKey).filter { !content.documents.contains($0.key) }
        missingVideo = definition.requiresVideo && content.videoURL.trimmingWhitespace().isEmpty
        missingSDGs = definition.requiresSDGs && content.sdgs.isEmpty
        unknownGroupOrCategory = definition.group(content.groupKey) == nil || definition.category(content.categoryKey) == nil
    }

    /// Every open point, as messages naming the rule or the field.
    public var openPoints: [LocalizedMessage] {
        var points: [LocalizedMessage] = []
        if unknownGroupOrCategory { points.append(LocalizedMessage("readiness.groupOrCategory")) }
        points += eligibility.filter { !$0.passed }.map(\.message)
        for count in sections {
            if count.isOver {
                points.append(LocalizedMessage("readiness.sectionOver", count.section.title, LocalizedMessage.count(count.words),
                                               LocalizedMessage.count(count.section.maxWords)))
            } else if count.isUnder {
                points.append(count.section.minWords > 1
                    ? LocalizedMessage("readiness.sectionUnder", count.section.title, LocalizedMessage.count(count.words),
                                       LocalizedMessage.count(count.section.minWords))
                    : LocalizedMessage("readiness.sectionEmpty", count.section.title))
            }
        }
        points += missingDocuments.map { LocalizedMessage("readiness.document", $0.name) }
        if missingVideo { points.append(LocalizedMessage("readiness.video")) }
        if missingSDGs { points.append(LocalizedMessage("readiness.sdgs")) }
        return points
    }

    public var isReady: Bool { openPoints.isEmpty }
}
