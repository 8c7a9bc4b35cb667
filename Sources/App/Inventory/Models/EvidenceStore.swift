import Fluent
import Foundation
import LumbungCore

/// Adds evidence to an innovation: the file through the one upload path (`AttachmentStore`),
/// its description as an `Evidence`, and a revision in the innovation's history, together.
struct EvidenceStore {
    let db: any Database

    struct Description {
        var type: EvidenceType
        var issuer: String
        var issuedOn: CalendarDate
        var details: String
    }

    func add(_ bytes: [UInt8], fileName: String, to innovation: Innovation, _ description: Description, by user: User, limit: Int) async throws -> Evidence {
        let id = try innovation.requireID()
        let evidence = Evidence()
        try await db.transaction { db in
            let stored = try await AttachmentStore(db: db).store(bytes, fileName: fileName, owner: .innovation, ownerID: id,
                                                                 purpose: "evidence-\(UUID().uuidString.lowercased())", by: user, limit: limit)
            evidence.$innovation.id = id
            evidence.attachmentID = stored.id
            evidence.type = description.type
            evidence.issuer = String(description.issuer.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
            evidence.issuedOn = description.issuedOn.description
            evidence.details = String(description.details.trimmingCharacters(in: .whitespacesAndNewlines).prefix(1000))
            evidence.fileName = stored.fileName
            evidence.createdByName = user.name
            evidence.isActive = true
            try await evidence.create(on: db)
            try await InnovationStore(db: db).save(innovation, action: "evidenceAdded", by: user, auditSummary: "\(innovation.name): \(Self.summary(evidence))")
        }
        return evidence
    }

    func remove(_ evidence: Evidence, of innovation: Innovation, by user: User) async throws {
        guard evidence.isActive else { return }
        evidence.isActive = false
        try await db.transaction { db in
            try await evidence.save(on: db)
            try await IndexAnswer.query(on: db).filter(\.$evidenceID == evidence.id).set(\.$evidenceID, to: nil).update()
            try await InnovationStore(db: db).save(innovation, action: "evidenceRemoved", by: user, auditSummary: "\(innovation.name): \(Self.summary(evidence))")
        }
    }

    static func summary(_ evidence: Evidence) -> String {
        [evidence.type.rawValue, evidence.issuer, evidence.issuedOn, evidence.fileName].filter { !$0.isEmpty }.joined(separator: " · ")
    }
}
