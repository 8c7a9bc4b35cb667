import Foundation
import LumbungCore

/// The proposal form, both ways: what the page shows, and the submitted fields checked and
/// applied. Only what cannot be kept is refused (an unknown group, a malformed video link, a
/// section past 40.000 characters), with everything typed shown again. A section over its word
/// limit is saved, so that no work is lost, and named at once with its count and limit; the
/// proposal cannot be submitted until it is within the limit.
struct ProposalForm: Encodable {
    var groupKey: String
    var categoryKey: String
    var sections: [String: String]
    var videoURL: String
    var sdgs: Set<Int>

    init(_ proposal: Proposal) {
        groupKey = proposal.groupKey
        categoryKey = proposal.categoryKey
        sections = proposal.sections
        videoURL = proposal.videoURL
        sdgs = Set(proposal.sdgs)
    }

    init(fields: [String: String], definition: EditionDefinition) {
        groupKey = fields["groupKey"] ?? ""
        categoryKey = fields["categoryKey"] ?? ""
        var texts: [String: String] = [:]
        for (name, value) in fields where name.hasPrefix("section-") {
            texts[String(name.dropFirst("section-".count))] = value.replacingOccurrences(of: "\r\n", with: "\n")
        }
        sections = texts
        videoURL = (fields["videoURL"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        sdgs = Set((1...17).filter { fields["sdg-\($0)"] == "on" })
    }

    static let maximumSectionCharacters = 40_000

    /// What stops the save, naming the section or field.
    func problems(definition: EditionDefinition) -> [LocalizedMessage] {
        var problems: [LocalizedMessage] = []
        if definition.group(groupKey) == nil || definition.category(categoryKey) == nil {
            problems.append(LocalizedMessage("readiness.groupOrCategory"))
        }
        for section in definition.sections(for: groupKey) where (sections[section.key] ?? "").count > Self.maximumSectionCharacters {
            problems.append(LocalizedMessage("proposal.sectionTooLong", section.title, LocalizedMessage.count(Self.maximumSectionCharacters)))
        }
        if !videoURL.isEmpty && !WebAddress.isHTTP(videoURL) {
            problems.append(LocalizedMessage("proposal.videoURL", videoURL))
        }
        return problems
    }

    /// Sections over their word limit: saved, and shown at once as still to fix.
    func overLimit(definition: EditionDefinition) -> [LocalizedMessage] {
        definition.sections(for: groupKey).compactMap { section in
            let words = WordCounter.count(sections[section.key] ?? "")
            guard words > section.maxWords else { return nil }
            return LocalizedMessage("readiness.sectionOver", section.title, LocalizedMessage.count(words), LocalizedMessage.count(section.maxWords))
        }
    }

    func apply(to proposal: Proposal, definition: EditionDefinition) {
        proposal.groupKey = groupKey
        proposal.categoryKey = categoryKey
        var kept = proposal.sections
        for section in definition.sections(for: groupKey) { kept[section.key] = sections[section.key] ?? "" }
        proposal.sections = kept
        proposal.videoURL = videoURL
        proposal.sdgs = sdgs.sorted()
    }
}
