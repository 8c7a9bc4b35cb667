import Foundation
import LumbungCore

/// The proposal form, both ways: what the page shows, and the submitted fields checked and
/// applied. A section over its word limit is refused (with its count and limit) and everything
/// typed is shown again; an empty or short section is allowed in a draft and listed as open.
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

    /// Every refusal, naming the section or field.
    func problems(definition: EditionDefinition) -> [LocalizedMessage] {
        var problems: [LocalizedMessage] = []
        if definition.group(groupKey) == nil || definition.category(categoryKey) == nil {
            problems.append(LocalizedMessage("readiness.groupOrCategory"))
        }
        for section in definition.sections(for: groupKey) {
            let text = sections[section.key] ?? ""
            let words = WordCounter.count(text)
            if words > section.maxWords {
                problems.append(LocalizedMessage("readiness.sectionOver", section.title, LocalizedMessage.count(words), LocalizedMessage.count(section.maxWords)))
            } else if text.count > Self.maximumSectionCharacters {
                problems.append(LocalizedMessage("proposal.sectionTooLong", section.title, LocalizedMessage.count(Self.maximumSectionCharacters)))
            }
        }
        if !videoURL.isEmpty && !WebAddress.isHTTP(videoURL) {
            problems.append(LocalizedMessage("proposal.videoURL", videoURL))
        }
        return problems
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
