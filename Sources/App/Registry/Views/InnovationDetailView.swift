import Fluent
import LumbungCore
import Vapor

/// The innovation detail page: the profile, what the viewer may do with it, and its history.
struct InnovationDetailView: Encodable {
    struct FieldRow: Encodable {
        let field: String
        let label: String
        let value: String
        let isLong: Bool
        let comment: String?
    }

    struct ActionView: Encodable {
        let formID: String
        let href: String
        let label: String
        let style: String
        let hint: String?
    }

    struct RevisionRow: Encodable {
        let number: Int
        let when: String
        let who: String
        let what: String
        let statusLabel: String
    }

    let id: Int
    let name: String
    let acronym: String
    let agencyName: String
    let agencyHref: String
    let status: String
    let statusLabel: String
    let isPublic: Bool
    let visibilityLabel: String
    let fields: [FieldRow]
    let themes: [String]
    let sdgs: [String]
    let videoURL: String?
    let mapHref: String?
    let replicatedFromHref: String?
    let replicatedFromLabel: String?
    let editHref: String?
    let actions: [ActionView]
    let canRequestRevision: Bool
    let commentFields: [Choice]
    let comments: [CommentView]
    /// Problems that stopped the last submission, or that would stop one now.
    let gaps: [String]
    let gapsBlockedAction: Bool
    let hasReadinessGaps: Bool
    let hasComments: Bool
    let revisions: [RevisionRow]
    let historyHref: String
    let updated: String
    /// "KIPP 2019 — Top 99, Top 45", newest first.
    let awards: [String]
    let proposals: [ProposalLink]
    let canRecordAwards: Bool
    let organisers: [Choice]
    /// For the Biro and viewers: published innovations like this one, whatever its status.
    let similar: [CatalogueController.SimilarLink]
    let evidence: [EvidenceController.Row]
    let canAddEvidence: Bool
    let evidenceTypes: [Choice]

    struct ProposalLink: Encodable {
        let href: String
        let label: String
    }

    static let commentableFields: [ProfileField] = [.name, .mainAffair, .trialStart, .implementationStart,
                                                    .design, .goals, .benefits, .results, .beneficiaries, .videoURL]

    static func make(req: Request, innovation: Innovation, submissionGaps: [FieldError]) async throws -> InnovationDetailView {
        let labels = Labels(req)
        let id = try innovation.requireID()
        let profile = innovation.profile
        let actor = try req.reviewActor(for: innovation)
        let comments = innovation.status == .revisionRequested ? innovation.comments : [:]

        func row(_ field: ProfileField, _ value: String, long: Bool = false) -> FieldRow {
            FieldRow(field: field.rawValue, label: labels.field(field), value: value.isEmpty ? "—" : value,
                     isLong: long, comment: comments[field.rawValue])
        }
        let fields: [FieldRow] = [
            row(.name, profile.name), row(.acronym, profile.acronym),
            row(.category, labels.category(profile.category)), row(.deliveryMode, labels.deliveryMode(profile.deliveryMode)),
            row(.stage, labels.stage(profile.stage)), row(.initiator, labels.initiator(profile.initiator)),
            row(.mainAffair, labels.affair(profile.mainAffair)),
            row(.otherAffairs, profile.otherAffairs.map { labels.affair($0) }.joined(separator: ", ")),
            row(.trialStart, labels.date(profile.trialStart)), row(.implementationStart, labels.date(profile.implementationStart)),
            row(.design, profile.design, long: true), row(.goals, profile.goals, long: true),
            row(.benefits, profile.benefits, long: true), row(.results, profile.results, long: true),
            row(.beneficiaries, profile.beneficiaries, long: true),
        ]

        var replicatedHref: String?
        var replicatedLabel: String?
        if let source = profile.replicatedFromID, let original = try await req.visibleInnovation(source) {
            replicatedHref = "/innovations/\(source)"
            replicatedLabel = original.name
        } else if !profile.replicatedFromName.isEmpty {
            replicatedLabel = profile.replicatedFromName
        }

        let actions = ReviewWorkflow.availableActions(for: innovation.reviewState, by: actor)
            .filter { $0 != .requestRevision }
            .map { action in
                ActionView(formID: "\(action.formName)-form", href: "/innovations/\(id)/\(action.pathName)",
                           label: labels.t("action.\(action.rawValue)"),
                           style: action == .archive || action == .reopen || action == .unpublish ? "secondary" : "primary",
                           hint: labels.t("action.\(action.rawValue).hint"))
            }
        let canRequestRevision = (try? ReviewWorkflow.apply(.requestRevision, to: innovation.reviewState, by: actor)) != nil

        var gaps = submissionGaps
        let mayEdit = ReviewWorkflow.canEdit(innovation.status, by: actor)
        if gaps.isEmpty && mayEdit && (innovation.status == .draft || innovation.status == .revisionRequested) {
            gaps = SubmissionCheck.gaps(in: profile, today: req.today)
        }

        let revisions = try await Revision.query(on: req.db).filter(\.$innovation.$id == id)
            .sort(\.$number, .descending).limit(50).all()

        return InnovationDetailView(
            id: id, name: profile.name, acronym: profile.acronym,
            agencyName: innovation.agency.name, agencyHref: "/agencies/\(innovation.$agency.id)",
            status: innovation.status.rawValue, statusLabel: labels.status(innovation.status),
            isPublic: innovation.isPublic,
            visibilityLabel: labels.t(innovation.isPublic ? "innovation.public" : "innovation.internal"),
            fields: fields, themes: profile.themes, sdgs: profile.sdgs.map(labels.sdg),
            videoURL: profile.videoLink,
            mapHref: profile.mapHref,
            replicatedFromHref: replicatedHref, replicatedFromLabel: replicatedLabel,
            editHref: mayEdit ? "/innovations/\(id)/edit" : nil,
            actions: actions, canRequestRevision: canRequestRevision,
            commentFields: commentableFields.map { Choice(value: "comment_\($0.rawValue)", label: labels.field($0), selected: false) },
            comments: CommentView.list(comments, labels: labels),
            gaps: gaps.map { $0.text(in: req.language) }, gapsBlockedAction: !submissionGaps.isEmpty,
            hasReadinessGaps: submissionGaps.isEmpty && !gaps.isEmpty, hasComments: !comments.isEmpty,
            revisions: revisions.map {
                RevisionRow(number: $0.number, when: labels.dateTime($0.createdAt), who: $0.userName,
                            what: labels.t("revision.\($0.action)"), statusLabel: labels.status($0.status))
            },
            historyHref: "/innovations/\(id)/history",
            updated: labels.dateTime(innovation.updatedAt),
            awards: try await AwardHistory.lines(for: id, on: req.db),
            proposals: try await Proposal.query(on: req.db).filter(\.$innovation.$id == id).with(\.$competition).sort(\.$id).all().map {
                ProposalLink(href: "/proposals/\($0.id!)", label: "\($0.competition.name) — \(labels.t("proposalStatus.\($0.status.rawValue)"))")
            },
            canRecordAwards: try req.user.role == .admin,
            organisers: Organiser.allCases.map { Choice(value: $0.rawValue, label: labels.t("organiser.\($0.rawValue)"), selected: $0 == .nationalKIPP) },
            similar: RegistryScope(try req.user) == .everything
                ? req.application.catalogue.similar(to: innovation, agency: innovation.agency).filter { $0.id != id }
                    .map { CatalogueController.SimilarLink($0, href: "/innovations/\($0.id)") } : [],
            evidence: try await EvidenceController.rows(for: innovation, req: req),
            canAddEvidence: try EvidenceController.mayChange(innovation, req: req),
            evidenceTypes: EvidenceType.allCases.map { Choice(value: $0.rawValue, label: labels.t("evidenceType.\($0.rawValue)"), selected: false) })
    }
}

extension ReviewAction {
    /// The path segment, `request-revision` for `requestRevision`.
    var pathName: String {
        rawValue.reduce(into: "") { result, character in
            if character.isUppercase { result += "-" + character.lowercased() } else { result.append(character) }
        }
    }

    /// The form's id on the page: `submit-form`, `request-revision-form`, ….
    var formName: String { pathName }
}
