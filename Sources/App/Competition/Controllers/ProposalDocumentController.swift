import Fluent
import LumbungCore
import Vapor

/// The documents a proposal needs (SK penetapan inovator, surat pernyataan…): uploaded through
/// the one upload path, downloaded as attachments by those who may see the proposal.
struct ProposalDocumentController {
    struct Upload: Content {
        var purpose: String?
        var file: File?
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let proposal = try await req.proposalFromPath()
        let id = try proposal.requireID()
        guard ProposalWorkflow.canEdit(proposal.status, by: try req.proposalActor(for: proposal)) else {
            throw Abort(.conflict, reason: req.t("proposal.notEditable", req.t("proposalStatus.\(proposal.status.rawValue)")))
        }
        let form = try req.form(Upload.self)
        let documents = proposal.competition.definition.documents(for: proposal.groupKey)
        guard let purpose = form.purpose, let document = documents.first(where: { $0.key == purpose }) else {
            throw Abort(.badRequest, reason: req.t("proposal.unknownDocument"))
        }
        guard let file = form.file, file.data.readableBytes > 0 else {
            throw Abort(.badRequest, reason: req.t("import.noFile"))
        }
        let user = try req.user
        do {
            _ = try await AttachmentStore(db: req.db).store(Array(file.data.readableBytesView), fileName: file.filename, owner: .proposal,
                                                            ownerID: id, purpose: purpose, by: user, limit: req.application.lumbung.uploadLimitBytes)
        } catch AttachmentStore.Refusal.refused(let message) {
            req.flash(.error, "\(document.name): \(message.text(in: req.language))")
            return req.redirect(to: "/proposals/\(id)#documents")
        }
        try await ProposalStore(db: req.db).save(proposal, action: "document", by: user, note: "\(document.name): \(file.filename)")
        req.flash(.success, req.t("proposal.documentUploaded", document.name))
        return req.redirect(to: "/proposals/\(id)#documents")
    }

    @Sendable func download(req: Request) async throws -> Response {
        let proposal = try await req.proposalFromPath()
        guard let attachmentID = req.parameters.get("attachmentID", as: Int.self),
              let attachment = try await AttachmentStore(db: req.db).file(attachmentID, owner: .proposal, ownerID: try proposal.requireID()) else {
            throw Abort(.notFound)
        }
        return AttachmentStore.download(attachment)
    }
}
