import Fluent
import Foundation
import LumbungCore
import SQLKit

/// Imports a spreadsheet of innovations: every problem reported at once, all or nothing,
/// rows matched to existing innovations by `kode`, unchanged rows left alone (so importing the
/// same file twice changes nothing).
struct ImportService {
    let db: any Database
    var search: CatalogueSearch?

    struct Report: Sendable {
        var rows = 0
        var created = 0
        var updated = 0
        var unchanged = 0
        var problems: [ImportProblem] = []
        var dryRun = false

        var succeeded: Bool { problems.isEmpty }
    }

    /// Who the import is recorded under: a signed-in admin, or the command line.
    struct Actor: Sendable {
        let userID: Int?
        let name: String
        let email: String
    }

    func run(_ bytes: [UInt8], dryRun: Bool, actor: Actor) async throws -> Report {
        var report = Report(dryRun: dryRun)
        let (table, readProblems) = SpreadsheetFile.table(from: bytes)
        guard readProblems.isEmpty else { report.problems = readProblems; return report }
        let mapping = ImportRowMapper.map(table)
        let rows = mapping.rows
        report.rows = rows.count + Set(mapping.problems.map(\.row)).subtracting([1]).count
        report.problems = mapping.problems

        // What the database must agree with: agencies exist, names stay unique per agency.
        let agencies = try await Agency.query(on: db).all()
        let agencyIDs = Dictionary(agencies.map { ($0.code.uppercased(), $0.id!) }, uniquingKeysWith: { a, _ in a })
        let existing = try await Innovation.query(on: db).all()
        let byCode = Dictionary(existing.compactMap { i in i.code.map { ($0.uppercased(), i) } }, uniquingKeysWith: { a, _ in a })
        var nameOwner: [String: String] = [:]   // "agency|name key" → kode or "#id"
        for innovation in existing {
            nameOwner["\(innovation.$agency.id)|\(innovation.nameKey)"] = innovation.code ?? "#\(innovation.id!)"
        }
        for (row, code) in mapping.agencyCodes where agencyIDs[code] == nil {
            report.problems.append(ImportProblem(row: row, column: "kode_perangkat_daerah",
                                                 message: LocalizedMessage("import.unknownAgency", code)))
        }
        for row in rows {
            guard let agencyID = agencyIDs[row.agencyCode] else { continue }
            // The row takes over its own old name; another innovation's name is refused.
            if let old = byCode[row.code] { nameOwner.removeValue(forKey: "\(old.$agency.id)|\(old.nameKey)") }
            let key = "\(agencyID)|\(InnovationProfile.nameKey(row.profile.name))"
            if let owner = nameOwner[key], owner != row.code {
                report.problems.append(ImportProblem(row: row.row, column: "nama", message: LocalizedMessage("import.nameTaken", owner)))
            }
            nameOwner[key] = row.code
        }
        report.problems.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        guard report.problems.isEmpty else { return report }

        var changes: [(ImportedInnovation, Innovation?)] = []
        for row in rows {
            let old = byCode[row.code]
            var row = row
            // A link to another Lumbung innovation is not in the spreadsheet; keep it.
            if let old { row = row.keeping(replicatedFromID: old.replicatedFromID) }
            if let old, old.profile == row.profile, old.$agency.id == agencyIDs[row.agencyCode],
               old.status == row.status, old.isPublic == row.isPublic {
                report.unchanged += 1
            } else {
                changes.append((row, old))
                if old == nil { report.created += 1 } else { report.updated += 1 }
            }
        }
        guard !dryRun, !changes.isEmpty else { return report }

        let pending = changes
        let summary = "\(report.created) created, \(report.updated) updated, \(report.unchanged) unchanged"
        try await db.transaction { tx in
            let numbers = try await lastRevisionNumbers(on: tx)
            for (row, old) in pending {
                let innovation = old ?? Innovation()
                if old == nil {
                    innovation.code = row.code
                    innovation.createdBy = actor.userID
                    innovation.reviewComments = nil
                }
                innovation.$agency.id = agencyIDs[row.agencyCode]!
                innovation.apply(row.profile)
                innovation.status = row.status
                innovation.isPublic = row.isPublic
                innovation.updatedBy = actor.userID
                try await innovation.save(on: tx)
                let id = try innovation.requireID()
                let revision = Revision()
                revision.$innovation.id = id
                revision.number = (numbers[id] ?? 0) + 1
                revision.action = "imported"
                revision.userID = actor.userID
                revision.userName = actor.name
                revision.agencyID = innovation.$agency.id
                revision.status = innovation.status
                revision.snapshot = String(decoding: try JSONEncoder.sorted.encode(row.profile), as: UTF8.self)
                try await revision.create(on: tx)
            }
            try await AuditEvent(actorID: actor.userID, actorEmail: actor.email, action: "innovation.import", entity: "innovation",
                                 entityID: nil, summary: summary)
                .create(on: tx)
        }
        try await search?.rebuild(on: db)
        return report
    }

    private func lastRevisionNumbers(on db: any Database) async throws -> [Int: Int] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select().column("innovation_id").column(SQLFunction("MAX", args: SQLIdentifier("number")), as: "n")
            .from(Revision.schema).groupBy("innovation_id").all()
        var result: [Int: Int] = [:]
        for row in rows { result[try row.decode(column: "innovation_id", as: Int.self)] = try row.decode(column: "n", as: Int.self) }
        return result
    }
}

extension AuditEvent {
    convenience init(actorID: Int?, actorEmail: String, action: String, entity: String, entityID: Int?, summary: String) {
        self.init()
        self.actorID = actorID
        self.actorEmail = actorEmail
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.summary = String(summary.prefix(1000))
    }
}
