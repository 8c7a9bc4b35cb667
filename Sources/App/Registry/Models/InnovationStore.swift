import Fluent
import LumbungCore
import Vapor

/// Saves innovations the one way that keeps the rules: the name unique within the agency,
/// a revision for every save and review step, an audit event for every write, all in one
/// transaction so that nothing is half-written.
struct InnovationStore {
    let db: any Database
    /// The public catalogue's index, told about every save; nil while loading in bulk.
    var search: CatalogueSearch? = nil

    enum SaveError: Error {
        case duplicateName
    }

    /// Whether another innovation of the agency already has this name (ignoring case and spacing).
    func nameIsTaken(_ name: String, agencyID: Int, except id: Int?) async throws -> Bool {
        var query = Innovation.query(on: db)
            .filter(\.$agency.$id == agencyID)
            .filter(\.$nameKey == InnovationProfile.nameKey(name))
        if let id { query = query.filter(\.$id != id) }
        return try await query.count() > 0
    }

    /// Writes the innovation with its revision and audit event. `action` is `created`,
    /// `edited` or a review action's raw value.
    func save(_ innovation: Innovation, action: String, by user: User, comments: [String: String]? = nil,
              auditSummary: String? = nil) async throws {
        if try await nameIsTaken(innovation.name, agencyID: innovation.$agency.id, except: innovation.id) {
            throw SaveError.duplicateName
        }
        innovation.updatedBy = user.id
        do {
            try await db.transaction { tx in
                try await innovation.save(on: tx)
                let id = try innovation.requireID()
                if innovation.code == nil {
                    innovation.code = Innovation.defaultCode(id)
                    try await innovation.save(on: tx)
                }
                let last = try await Revision.query(on: tx).filter(\.$innovation.$id == id).max(\.$number) ?? 0
                let revision = Revision()
                revision.$innovation.id = id
                revision.number = last + 1
                revision.action = action
                revision.userID = user.id
                revision.userName = user.name
                revision.agencyID = innovation.$agency.id
                revision.status = innovation.status
                revision.snapshot = innovation.profile.snapshotJSON
                revision.comments = try comments.map { String(decoding: try JSONEncoder.sorted.encode($0), as: UTF8.self) }
                try await revision.create(on: tx)
                try await tx.audit(user, "innovation.\(action)", "innovation", id, auditSummary ?? innovation.name)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another request saved the same name between the check and the write.
            throw SaveError.duplicateName
        }
        try await search?.refresh(innovation, on: db)
    }
}

extension Request {
    var innovationStore: InnovationStore { InnovationStore(db: db, search: application.catalogue) }
}

extension JSONEncoder {
    static let sorted: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}
