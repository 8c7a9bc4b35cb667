import Fluent
import LumbungCore
import Vapor

/// The verification workflow's steps, and the Biro's review queue.
struct ReviewController {
    /// `POST /innovations/:innovationID/<action>`.
    func handler(for action: ReviewAction) -> @Sendable (Request) async throws -> Response {
        { req in try await perform(action, req: req) }
    }

    private func perform(_ action: ReviewAction, req: Request) async throws -> Response {
        let user = try req.user
        let innovation = try await req.innovationFromPath()
        let actor = try req.reviewActor(for: innovation)
        let labels = Labels(req)

        let next: ReviewState
        do {
            next = try ReviewWorkflow.apply(action, to: innovation.reviewState, by: actor)
        } catch .notAllowed {
            throw Abort(.forbidden)
        } catch .wrongState {
            throw Abort(.conflict, reason: labels.t("review.wrongState", labels.t("action.\(action.rawValue)"),
                                                    labels.status(innovation.status)))
        }

        if ReviewWorkflow.requiresCompleteProfile(action) {
            let gaps = SubmissionCheck.gaps(in: innovation.profile, today: req.today)
            if !gaps.isEmpty {
                let view = try await InnovationDetailView.make(req: req, innovation: innovation, submissionGaps: gaps)
                return try await req.render("registry/innovation-show", title: innovation.name, view, status: .unprocessableEntity)
            }
        }

        var comments: [String: String]?
        if action == .requestRevision {
            let form = (try? req.content.decode([String: String].self)) ?? [:]
            var collected: [String: String] = [:]
            for (key, value) in form where key.hasPrefix("comment_") {
                let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
                let field = String(key.dropFirst("comment_".count))
                guard !text.isEmpty, field == "general" || ProfileField(rawValue: field) != nil else { continue }
                collected[field] = String(text.prefix(2000))
            }
            guard !collected.isEmpty else {
                req.flash(.error, labels.t("review.commentRequired"))
                return req.redirect(to: "/innovations/\(try innovation.requireID())")
            }
            comments = collected
        }

        innovation.reviewState = next
        switch action {
        case .submit:
            innovation.submittedAt = req.now
            innovation.reviewComments = nil
        case .requestRevision:
            innovation.reviewComments = String(decoding: try JSONEncoder.sorted.encode(comments ?? [:]), as: UTF8.self)
        case .verify:
            innovation.verifiedAt = req.now
            innovation.reviewComments = nil
        default:
            break
        }
        try await req.innovationStore.save(innovation, action: action.rawValue, by: user, comments: comments)
        req.flash(.success, labels.t("action.\(action.rawValue).done"))
        return req.redirect(to: "/innovations/\(try innovation.requireID())")
    }

    struct QueueRow: Encodable {
        let id: Int
        let name: String
        let agencyName: String
        let since: String
        let isResubmission: Bool
    }

    struct QueueData: Encodable {
        let waiting: [QueueRow]
        let returned: [QueueRow]
    }

    /// `GET /review`: submitted profiles, oldest first, and those returned to their agencies.
    @Sendable func queue(req: Request) async throws -> Response {
        let labels = Labels(req)
        let submitted = try await Innovation.query(on: req.db).filter(\.$status == .submitted)
            .with(\.$agency).sort(\.$submittedAt).all()
        let returned = try await Innovation.query(on: req.db).filter(\.$status == .revisionRequested)
            .with(\.$agency).sort(\.$updatedAt).all()
        let ids = submitted.compactMap(\.id)
        let resubmitted = ids.isEmpty ? Set<Int>() : Set(try await Revision.query(on: req.db)
            .filter(\.$innovation.$id ~~ ids).filter(\.$action == ReviewAction.requestRevision.rawValue)
            .all().map { $0.$innovation.id })
        func row(_ innovation: Innovation, since: Date?) -> QueueRow {
            QueueRow(id: innovation.id!, name: innovation.name, agencyName: innovation.agency.displayName,
                     since: labels.dateTime(since), isResubmission: resubmitted.contains(innovation.id!))
        }
        let data = QueueData(waiting: submitted.map { row($0, since: $0.submittedAt) },
                             returned: returned.map { row($0, since: $0.updatedAt) })
        return try await req.render("registry/review-queue", title: req.t("review.title"), data)
    }
}
