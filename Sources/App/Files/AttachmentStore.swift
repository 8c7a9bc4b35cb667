import Fluent
import Foundation
import LumbungCore
import Vapor

/// The one upload path: every file (proposal documents now, evidence later) is checked by
/// `UploadCheck` (PDF, JPEG or PNG by content, within the limit), stored in the database with
/// its SHA-256, and served back as an attachment. A new file for the same purpose replaces the
/// old one as current; the old one stays.
struct AttachmentStore {
    let db: any Database

    /// What lists show of a file, without its bytes.
    struct Summary: Sendable {
        let id: Int
        let purpose: String
        let fileName: String
        let kind: FileKind
        let size: Int
        let uploadedAt: Date?
        let uploadedByName: String
    }

    enum Refusal: Error {
        case refused(LocalizedMessage)
    }

    /// Checks and stores `bytes`; returns the new file's summary, or throws the refusal.
    func store(_ bytes: [UInt8], fileName: String, owner: Attachment.Owner, ownerID: Int, purpose: String,
               by user: User, limit: Int) async throws -> Summary {
        let kind: FileKind
        switch UploadCheck.check(bytes, fileName: fileName, limit: limit) {
        case .accepted(let detected): kind = detected
        case .refused(let message): throw Refusal.refused(message)
        }
        let attachment = Attachment()
        attachment.ownerKind = owner
        attachment.ownerID = ownerID
        attachment.purpose = purpose
        attachment.fileName = UploadCheck.safeFileName(fileName, kind: kind)
        attachment.kind = kind
        attachment.size = bytes.count
        attachment.sha256 = SHA256.hash(data: bytes).hex
        attachment.data = Data(bytes)
        attachment.uploadedBy = user.id
        attachment.uploadedByName = user.name
        attachment.isCurrent = true
        try await db.transaction { tx in
            try await Attachment.query(on: tx).filter(\.$ownerKind == owner).filter(\.$ownerID == ownerID)
                .filter(\.$purpose == purpose).set(\.$isCurrent, to: false).update()
            try await attachment.create(on: tx)
            try await tx.audit(user, "attachment.upload", owner.rawValue, ownerID,
                               "\(purpose): \(attachment.fileName) (\(bytes.count) bytes, SHA-256 \(attachment.sha256))")
        }
        return Self.summary(attachment)
    }

    /// The current files of an owner, without their bytes.
    func current(_ owner: Attachment.Owner, _ ownerID: Int) async throws -> [Summary] {
        try await Attachment.query(on: db).filter(\.$ownerKind == owner).filter(\.$ownerID == ownerID).filter(\.$isCurrent == true)
            .withoutData().sort(\.$id).all().map(Self.summary)
    }

    /// Every file of an owner, current or replaced, without their bytes.
    func all(_ owner: Attachment.Owner, _ ownerID: Int) async throws -> [Summary] {
        try await Attachment.query(on: db).filter(\.$ownerKind == owner).filter(\.$ownerID == ownerID).withoutData().sort(\.$id).all().map(Self.summary)
    }

    /// One file with its bytes, if it belongs to `owner`.
    func file(_ id: Int, owner: Attachment.Owner, ownerID: Int) async throws -> Attachment? {
        try await Attachment.query(on: db).filter(\.$id == id).filter(\.$ownerKind == owner).filter(\.$ownerID == ownerID).first()
    }

    /// The file as a download: never shown inline, never sniffed, never cached by others.
    static func download(_ attachment: Attachment) -> Response {
        let response = Response(status: .ok, body: .init(data: attachment.data))
        response.headers.replaceOrAdd(name: .contentType, value: attachment.kind.mediaType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(attachment.fileName)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    static func summary(_ attachment: Attachment) -> Summary {
        Summary(id: attachment.id ?? 0, purpose: attachment.purpose, fileName: attachment.fileName, kind: attachment.kind,
                size: attachment.size, uploadedAt: attachment.uploadedAt, uploadedByName: attachment.uploadedByName)
    }
}

extension QueryBuilder where Model == Attachment {
    /// Reads every column except the bytes.
    func withoutData() -> Self {
        field(\.$id).field(\.$ownerKind).field(\.$ownerID).field(\.$purpose).field(\.$fileName).field(\.$kind)
            .field(\.$size).field(\.$sha256).field(\.$uploadedBy).field(\.$uploadedByName).field(\.$isCurrent).field(\.$uploadedAt)
    }
}
