import Fluent
import LumbungCore
import Vapor

/// A proposal's page: the readiness panel (every open point at once, eligibility rule by rule
/// with the dates compared), the sections with their counts, the documents, the actions the
/// reader may take, the Biro's comments, outcomes and history.
struct ProposalPage: Encodable {
    struct Rule: Encodable {
        let passed: Bool
        let text: String
    }

    struct SectionView: Encodable {
        let key: String
        let title: String
        let text: String
        let count: String
        let isOver: Bool
        let comment: String?
    }

    struct DocumentView: Encodable {
        let key: String
        let name: String
        let fileName: String?
        let href: String?
        let detail: String?
    }

    struct ActionButton: Encodable {
        let href: String
        let label: String
        let style: String
        let formID: String
    }

    struct RevisionRow: Encodable {
        let number: Int
        let when: String
        let who: String
        let what: String
        let statusLabel: String
    }

    let id: Int
    let innovation: String
    let innovationHref: String
    let agency: String
    let competition: String
    let competitionHref: String
    let group: String
    let category: String
    let status: String
    let statusLabel: String
    let updated: String
    let rules: [Rule]
    /// How the innovation stands in the edition's other groups ("Kelompok khusus: memenuhi syarat").
    let otherGroups: [Rule]
    let openPoints: [String]
    let isReady: Bool
    let generalComment: String?
    let sections: [SectionView]
    let documents: [DocumentView]
    let canUpload: Bool
    let uploadLimit: String
    let videoURL: String?
    let sdgs: [String]
    let actions: [ActionButton]
    let canEdit: Bool
    let canReturn: Bool
    let returnFields: [Choice]
    let outcomes: [String]
    let handedOver: String?
    let revisions: [RevisionRow]

    static func make(req: Request, proposal: Proposal) async throws -> ProposalPage {
        let labels = Labels(req)
        let competition = proposal.competition
        let definition = competition.definition
        let id = try proposal.requireID()
        let actor = try req.proposalActor(for: proposal)
        let check = try await ProposalCheck.evaluate(proposal, competition: competition, on: req.db)
        let uploaded = Dictionary(check.documents.map { ($0.purpose, $0) }, uniquingKeysWith: { a, _ in a })
        let facts = check.facts
        let eligibility = check.eligibility
        let otherGroups = definition.groups.filter { $0.key != proposal.groupKey }.map { group -> Rule in
            let outcomes = Eligibility.check(facts, group: group, closes: competition.closingDay, editionYear: competition.year)
            let failing = outcomes.filter { !$0.passed }
            return Rule(passed: failing.isEmpty, text: failing.isEmpty ? labels.t("proposal.eligibleIn", group.name)
                        : labels.t("proposal.notEligibleIn", group.name, failing.map { $0.message.text(in: labels.language) }.joined(separator: " ")))
        }
        let readiness = check.readiness
        let comments = proposal.status == .returned ? proposal.comments : [:]
        let sections = readiness.sections.map { count in
            SectionView(key: count.section.key, title: count.section.title, text: proposal.sections[count.section.key] ?? "",
                        count: labels.t("proposal.wordCount", labels.number(count.words), labels.number(count.section.maxWords)),
                        isOver: count.isOver, comment: comments[count.section.key])
        }
        let documents = definition.documents(for: proposal.groupKey).map { document in
            let file = uploaded[document.key]
            return DocumentView(key: document.key, name: document.name, fileName: file?.fileName,
                                href: file.map { "/proposals/\(id)/documents/\($0.id)" },
                                detail: file.map { labels.t("proposal.fileDetail", $0.kind.rawValue.uppercased(), IndonesianFormat.bytes($0.size, language: labels.language),
                                                            $0.uploadedByName, labels.dateTime($0.uploadedAt)) })
        }
        let actions = ProposalWorkflow.availableActions(for: proposal.status, by: actor)
            .filter { $0 != .return && $0 != .handOver }
            .map { action in
                ActionButton(href: "/proposals/\(id)/\(action.pathName)", label: labels.t("proposalAction.\(action.rawValue)"),
                             style: action == .withdraw || action == .deselect ? "secondary" : "", formID: "proposal-\(action.pathName)")
            }
        let awards = try await Award.query(on: req.db).filter(\.$proposal.$id == id).sort(\.$id).all()
        let revisions = try await ProposalRevision.query(on: req.db).filter(\.$proposal.$id == id).sort(\.$number, .descending).all()
        let canReturn = (try? ProposalWorkflow.apply(.return, to: proposal.status, by: actor)) != nil
        return ProposalPage(
            id: id, innovation: proposal.innovation.name, innovationHref: "/innovations/\(proposal.$innovation.id)",
            agency: proposal.agency.name, competition: competition.name, competitionHref: "/competitions/\(competition.id!)",
            group: definition.group(proposal.groupKey)?.name ?? proposal.groupKey,
            category: definition.category(proposal.categoryKey)?.name ?? proposal.categoryKey,
            status: proposal.status.rawValue, statusLabel: labels.t("proposalStatus.\(proposal.status.rawValue)"),
            updated: labels.dateTime(proposal.updatedAt),
            rules: eligibility.map { Rule(passed: $0.passed, text: $0.message.text(in: labels.language)) }, otherGroups: otherGroups,
            openPoints: readiness.openPoints.map { $0.text(in: labels.language) }, isReady: readiness.isReady,
            generalComment: comments["general"], sections: sections, documents: documents,
            canUpload: ProposalWorkflow.canEdit(proposal.status, by: actor),
            uploadLimit: IndonesianFormat.bytes(req.application.lumbung.uploadLimitBytes, language: labels.language),
            videoURL: WebAddress.isHTTP(proposal.videoURL) ? proposal.videoURL : nil,
            sdgs: proposal.sdgs.map(labels.sdg), actions: actions, canEdit: ProposalWorkflow.canEdit(proposal.status, by: actor),
            canReturn: canReturn,
            returnFields: definition.sections(for: proposal.groupKey).map { Choice(value: "comment_\($0.key)", label: $0.title, selected: false) },
            outcomes: awards.map { "\($0.editionName): \($0.label)" },
            handedOver: proposal.handedOverAt.map { labels.t("proposal.handedOverOn", labels.dateTime($0), proposal.handedOverBy ?? "—") },
            revisions: revisions.map { r in
                RevisionRow(number: r.number, when: labels.dateTime(r.createdAt), who: r.userName,
                            what: labels.t("proposalRevision.\(r.action)") + (r.note.map { ": \($0)" } ?? ""),
                            statusLabel: labels.t("proposalStatus.\(r.status.rawValue)"))
            })
    }
}
