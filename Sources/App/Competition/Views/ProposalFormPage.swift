import LumbungCore
import Vapor

/// The proposal form's page: the group's sections in the edition's order, each with its
/// guidance, limit and current count.
struct ProposalFormPage: Encodable {
    struct SectionField: Encodable {
        let key: String
        let title: String
        let guidance: String
        let text: String
        let words: Int
        let maxWords: Int
        let minWords: Int
        let isOver: Bool
        let comment: String?
    }

    let id: Int
    let innovation: String
    let competition: String
    let errors: [String]
    let groups: [Choice]
    let categories: [Choice]
    let sections: [SectionField]
    let videoURL: String
    let sdgs: [Choice]
    let requiresVideo: Bool
    let requiresSDGs: Bool
    let generalComment: String?

    init(proposal: Proposal, form: ProposalForm, errors: [String], labels: Labels) {
        let definition = proposal.competition.definition
        let comments = proposal.status == .returned ? proposal.comments : [:]
        id = proposal.id ?? 0
        innovation = proposal.innovation.name
        competition = proposal.competition.name
        self.errors = errors
        groups = definition.groups.map { Choice(value: $0.key, label: $0.name, selected: $0.key == form.groupKey) }
        categories = definition.categories.map { Choice(value: $0.key, label: $0.name, selected: $0.key == form.categoryKey) }
        sections = definition.sections(for: form.groupKey).map { section in
            let text = form.sections[section.key] ?? ""
            let words = WordCounter.count(text)
            return SectionField(key: section.key, title: section.title, guidance: section.guidance, text: text, words: words,
                                maxWords: section.maxWords, minWords: section.minWords, isOver: words > section.maxWords,
                                comment: comments[section.key])
        }
        videoURL = form.videoURL
        sdgs = (1...17).map { Choice(value: String($0), label: labels.sdg($0), selected: form.sdgs.contains($0)) }
        requiresVideo = definition.requiresVideo
        requiresSDGs = definition.requiresSDGs
        generalComment = comments["general"]
    }
}
