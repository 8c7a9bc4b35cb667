import Fluent
import LumbungCore
import Vapor

/// Bukti dukung on an innovation: uploaded through the one upload path, typed and described,
/// seen by the Biro, viewers and the owning agency; every addition and removal is a revision
/// in the innovation's history.
struct EvidenceController {
    struct Upload: Content {
        var type: String?
        var issuer: String?
        var issuedOn: String?
        var description: String?
        var file: File?
    }

    struct Row: Encodable {
        let id: Int
        let typeLabel: String
        let issuer: String
        let issuedOn: String
        let description: String
        let fileName: String
        let size: String
        let href: String
        let addedBy: String
        let isActive: Bool
    }

    /// The owning agency's operators and the Biro add and remove evidence; viewers read it.
    static func mayChange(_ innovation: Innovation, req: Request) throws -> Bool {
        let user = try req.user
        return user.role == .admin || (user.role == .operator && user.operates(agencyID: innovation.$agency.id))
    }

    static func rows(for innovation: Innovation, req: Request) async throws -> [Row] {
        let labels = Labels(req)
        let id = try innovation.requireID()
        let items = try await Evidence.query(on: req.db).filter(\.$innovation.$id == id).sort(\.$isActive, .descending).sort(\.$id).all()
        let files = try await AttachmentStore(db: req.db).all(.innovation, id)
        let sizes = Dictionary(files.map { ($0.id, $0.size) }, uniquingKeysWith: { a, _ in a })
        return items.map { item in
            let size = sizes[item.attachmentID] ?? 0
            return Row(id: item.id!, typeLabel: labels.t("evidenceType.\(item.type.rawValue)"), issuer: item.issuer, issuedOn: labels.date(item.issuedOn),
                       description: item.details, fileName: item.fileName, size: IndonesianFormat.bytes(size, language: req.language),
                       href: "/innovations/\(id)/evidence/\(item.id!)", addedBy: item.createdByName, isActive: item.isActive)
        }
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let innovation = try await req.innovationFromPath()
        guard try Self.mayChange(innovation, req: req) else { throw Abort(.forbidden) }
        let id = try innovation.requireID()
        let back = "/innovations/\(id)#evidence"
        let form = try req.form(Upload.self)
        var problems: [String] = []
        let type = EvidenceType(rawValue: form.type ?? "")
        if type == nil { problems.append(req.t("evidence.typeMissing")) }
        let issuedText = (form.issuedOn ?? "").trimmingCharacters(in: .whitespaces)
        let issued = CalendarDate(parsing: issuedText)
        if issued == nil { problems.append(req.t("evidence.dateBad", issuedText)) }
        if let issued, req.today < issued { problems.append(req.t("evidence.dateFuture", Labels(req).date(issued.description))) }
        guard let file = form.file, file.data.readableBytes > 0 else { throw Abort(.badRequest, reason: req.t("import.noFile")) }
        guard problems.isEmpty, let type, let issued else {
            req.flash(.error, problems.joined(separator: " "))
            return req.redirect(to: back)
        }
        let user = try req.user
        let evidence: Evidence
        do {
            evidence = try await EvidenceStore(db: req.db).add(
                Array(file.data.readableBytesView), fileName: file.filename, to: innovation,
                .init(type: type, issuer: form.issuer ?? "", issuedOn: issued, details: form.description ?? ""),
                by: user, limit: req.application.lumbung.uploadLimitBytes)
        } catch AttachmentStore.Refusal.refused(let message) {
            req.flash(.error, message.text(in: req.language))
            return req.redirect(to: back)
        }
        req.flash(.success, req.t("evidence.added", evidence.fileName))
        return req.redirect(to: back)
    }

    @Sendable func download(req: Request) async throws -> Response {
        let (innovation, evidence) = try await evidenceFromPath(req)
        guard let attachment = try await AttachmentStore(db: req.db).file(evidence.attachmentID, owner: .innovation, ownerID: try innovation.requireID()) else {
            throw Abort(.notFound)
        }
        return AttachmentStore.download(attachment)
    }

    @Sendable func remove(req: Request) async throws -> Response {
        let (innovation, evidence) = try await evidenceFromPath(req)
        guard try Self.mayChange(innovation, req: req) else { throw Abort(.forbidden) }
        try await EvidenceStore(db: req.db).remove(evidence, of: innovation, by: try req.user)
        req.flash(.success, req.t("evidence.removed", evidence.fileName))
        return req.redirect(to: "/innovations/\(try innovation.requireID())#evidence")
    }

    private func evidenceFromPath(_ req: Request) async throws -> (Innovation, Evidence) {
        let innovation = try await req.innovationFromPath()
        guard let evidenceID = req.parameters.get("evidenceID", as: Int.self),
              let evidence = try await Evidence.query(on: req.db).filter(\.$id == evidenceID).filter(\.$innovation.$id == innovation.requireID()).first() else {
            throw Abort(.notFound)
        }
        return (innovation, evidence)
    }
}
