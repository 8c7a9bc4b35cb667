import Fluent
import LumbungCore
import Vapor

/// `GET /innovations/:id/history?from=A&to=B`: every revision, and what changed between two.
struct HistoryController {
    struct ChangeView: Encodable {
        let label: String
        let before: String
        let after: String
        let segments: [SegmentView]
        let hasSegments: Bool
    }

    struct SegmentView: Encodable {
        let kind: String
        let text: String
    }

    struct HistoryData: Encodable {
        let id: Int
        let name: String
        let revisions: [Choice]
        let fromOptions: [Choice]
        let toOptions: [Choice]
        let fromLabel: String
        let toLabel: String
        let changes: [ChangeView]
        let comparing: Bool
        let hasChanges: Bool
    }

    @Sendable func history(req: Request) async throws -> Response {
        let innovation = try await req.innovationFromPath()
        let labels = Labels(req)
        let id = try innovation.requireID()
        let revisions = try await Revision.query(on: req.db).filter(\.$innovation.$id == id).sort(\.$number).all()
        guard let latest = revisions.last else { throw Abort(.notFound) }
        let to = req.query[Int.self, at: "to"].flatMap { n in revisions.first { $0.number == n } } ?? latest
        let from = req.query[Int.self, at: "from"].flatMap { n in revisions.first { $0.number == n } }
            ?? revisions.last { $0.number < to.number && $0.snapshot != to.snapshot } ?? revisions.first!

        var changes: [ChangeView] = []
        if let old = from.profile, let new = to.profile {
            changes = RevisionDiff.changes(from: old, to: new).map { change in
                ChangeView(label: labels.field(change.field), before: labels.display(change.field, change.before),
                           after: labels.display(change.field, change.after),
                           segments: change.segments.map { SegmentView(kind: $0.kind.rawValue, text: $0.text) },
                           hasSegments: !change.segments.isEmpty)
            }
            if from.agencyID != to.agencyID {
                let agencies = try await Agency.query(on: req.db).filter(\.$id ~~ [from.agencyID, to.agencyID]).all()
                let name = { (id: Int) in agencies.first { $0.id == id }?.name ?? "#\(id)" }
                changes.insert(ChangeView(label: labels.field(.agency), before: name(from.agencyID), after: name(to.agencyID), segments: [], hasSegments: false), at: 0)
            }
        }
        func describe(_ r: Revision) -> String {
            "\(r.number). \(labels.t("revision.\(r.action)")) — \(r.userName), \(labels.dateTime(r.createdAt))"
        }
        let data = HistoryData(
            id: id, name: innovation.name,
            revisions: revisions.reversed().map { Choice(value: String($0.number), label: describe($0), selected: false) },
            fromOptions: revisions.map { Choice(value: String($0.number), label: describe($0), selected: $0.number == from.number) },
            toOptions: revisions.map { Choice(value: String($0.number), label: describe($0), selected: $0.number == to.number) },
            fromLabel: describe(from), toLabel: describe(to), changes: changes, comparing: from.number != to.number, hasChanges: !changes.isEmpty)
        return try await req.render("registry/innovation-history", title: req.t("history.title", innovation.name), data)
    }
}
