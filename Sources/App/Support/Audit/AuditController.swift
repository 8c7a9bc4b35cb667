import Fluent
import LumbungCore
import Vapor

/// `GET /audit`: the latest writes, newest first, for the Biro and the inspectorate.
struct AuditController {
    struct Row: Encodable {
        let when: String
        let who: String
        let action: String
        let target: String
        let href: String?
        let summary: String
    }

    struct AuditData: Encodable {
        let rows: [Row]
        let olderHref: String?
    }

    static let pageSize = 100

    @Sendable func index(req: Request) async throws -> Response {
        let labels = Labels(req)
        let before = req.query[Int.self, at: "before"]
        let query = AuditEvent.query(on: req.db).sort(\.$id, .descending).limit(Self.pageSize)
        if let before { query.filter(\.$id < before) }
        let events = try await query.all()
        let rows = events.map { event in
            Row(when: labels.dateTime(event.occurredAt), who: event.actorEmail, action: event.action,
                target: "\(event.entity) \(event.entityID.map { "#\($0)" } ?? "")",
                href: event.entityID.flatMap { id in
                    switch event.entity {
                    case "innovation": "/innovations/\(id)"
                    case "agency": "/agencies/\(id)"
                    default: nil
                    }
                },
                summary: event.summary)
        }
        let older = events.count == Self.pageSize ? events.last?.id.map { "/audit?before=\($0)" } : nil
        return try await req.render("audit", title: req.t("audit.title"), AuditData(rows: rows, olderHref: older))
    }
}
