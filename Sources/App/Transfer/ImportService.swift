import Fluent
import Foundation
import LumbungCore
import SQLKit

/// Imports a spreadsheet of innovations: every problem reported at once, all or nothing,
/// rows matched to existing innovations by `kode`, unchanged rows left alone (so importing the
/// same file twice changes nothing).
///
/// The file is walked twice and never held as a table: the first walk checks every row and
/// keeps only codes and names; the second compares each batch of rows with the database and,
/// unless it is a dry run, writes them, all in one transaction.
struct ImportService {
    let db: any Database
    var search: CatalogueSearch?
    static let batchSize = 500

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
        let file: SpreadsheetFile
        switch SpreadsheetFile.open(bytes) {
        case .success(let opened): file = opened
        case .failure(let problem): report.problems = [problem]; return report
        }

        // First walk: check every row against the others and the database.
        let agencies = try await Agency.query(on: db).all()
        let agencyIDs = Dictionary(agencies.map { ($0.code.uppercased(), $0.id!) }, uniquingKeysWith: { a, _ in a })
        let existing = try await existingKeys()
        var nameOwner: [String: String] = [:]   // "agency|name key" → kode
        for entry in existing { nameOwner["\(entry.agencyID)|\(entry.nameKey)"] = entry.code }
        let oldNameKey = Dictionary(existing.map { ($0.code, "\($0.agencyID)|\($0.nameKey)") }, uniquingKeysWith: { a, _ in a })
        var readHeader: ImportRowMapper.Header?
        var codes: [String: Int] = [:]
        var problems: [ImportProblem] = []
        var seenRows = 0

        let broken = try await file.forEachRow { cells, number in
            guard let knownHeader = readHeader else {
                switch ImportRowMapper.header(cells) {
                case .success(let value): readHeader = value
                case .failure(let headerProblems): problems += headerProblems
                }
                return
            }
            let result = ImportRowMapper.mapRow(cells, row: number, header: knownHeader)
            if result.innovation != nil || !result.problems.isEmpty { seenRows += 1 }
            problems += result.problems
            if let code = result.code {
                if let earlier = codes[code] {
                    problems.append(ImportProblem(row: number, column: "kode", message: LocalizedMessage("import.duplicateCode", String(earlier))))
                } else {
                    codes[code] = number
                }
            }
            if let agencyCode = result.agencyCode, agencyIDs[agencyCode] == nil {
                problems.append(ImportProblem(row: number, column: "kode_perangkat_daerah",
                                              message: LocalizedMessage("import.unknownAgency", agencyCode)))
            }
            if let row = result.innovation, let agencyID = agencyIDs[row.agencyCode] {
                // The row takes over its own old name; another innovation's name is refused.
                if let old = oldNameKey[row.code], nameOwner[old] == row.code { nameOwner.removeValue(forKey: old) }
                let key = "\(agencyID)|\(InnovationProfile.nameKey(row.profile.name))"
                if let owner = nameOwner[key], owner != row.code {
                    problems.append(ImportProblem(row: number, column: "nama", message: LocalizedMessage("import.nameTaken", owner)))
                }
                nameOwner[key] = row.code
            }
        }
        if let broken { problems.append(broken) }
        if readHeader == nil && problems.isEmpty {
            problems.append(ImportProblem(row: 1, column: "-", message: LocalizedMessage("import.empty")))
        }
        report.rows = seenRows
        report.problems = problems.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        guard report.problems.isEmpty, let header = readHeader else { return report }

        // Second walk: compare with what is stored, and write what changed.
        let counts = Counts()
        let work: @Sendable (any Database) async throws -> Void = { [file] database in
            let numbers = dryRun ? [:] : try await lastRevisionNumbers(on: database)
            var batch: [ImportedInnovation] = []
            func flush() async throws {
                try await compareAndWrite(batch, agencyIDs: agencyIDs, numbers: numbers, dryRun: dryRun, actor: actor,
                                          counts: counts, on: database)
                batch.removeAll(keepingCapacity: true)
            }
            _ = try await file.forEachRow { cells, number in
                guard number > 1, let row = ImportRowMapper.mapRow(cells, row: number, header: header).innovation else { return }
                batch.append(row)
                if batch.count == Self.batchSize { try await flush() }
            }
            try await flush()
            if !dryRun {
                try await AuditEvent(actorID: actor.userID, actorEmail: actor.email, action: "innovation.import", entity: "innovation",
                                     entityID: nil, summary: counts.summary).create(on: database)
            }
        }
        if dryRun { try await work(db) } else { try await db.transaction { try await work($0) } }
        (report.created, report.updated, report.unchanged) = counts.values
        if !dryRun && report.created + report.updated > 0 { try await search?.rebuild(on: db) }
        return report
    }

    /// Tallies kept across batches.
    final class Counts: @unchecked Sendable {
        var created = 0, updated = 0, unchanged = 0
        var values: (Int, Int, Int) { (created, updated, unchanged) }
        var summary: String { "\(created) created, \(updated) updated, \(unchanged) unchanged" }
    }

    private func compareAndWrite(_ rows: [ImportedInnovation], agencyIDs: [String: Int], numbers: [Int: Int], dryRun: Bool,
                                 actor: Actor, counts: Counts, on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        let stored = try await Innovation.query(on: db).filter(\.$code ~~ rows.map(\.code)).all()
        let byCode = Dictionary(stored.compactMap { i in i.code.map { ($0, i) } }, uniquingKeysWith: { a, _ in a })
        var created: [(ImportedInnovation, Innovation)] = []
        var revisions: [Revision] = []
        for original in rows {
            let agencyID = agencyIDs[original.agencyCode]!
            let old = byCode[original.code]
            // A link to another Lumbung innovation is not in the spreadsheet; keep it.
            let row = old.map { original.keeping(replicatedFromID: $0.replicatedFromID) } ?? original
            if let old, old.profile == row.profile, old.$agency.id == agencyID, old.status == row.status, old.isPublic == row.isPublic {
                counts.unchanged += 1
                continue
            }
            if old == nil { counts.created += 1 } else { counts.updated += 1 }
            guard !dryRun else { continue }
            let innovation = old ?? Innovation()
            if old == nil {
                innovation.code = row.code
                innovation.createdBy = actor.userID
            }
            innovation.$agency.id = agencyID
            innovation.apply(row.profile)
            innovation.status = row.status
            innovation.isPublic = row.isPublic
            innovation.updatedBy = actor.userID
            if let old {
                try await innovation.save(on: db)
                revisions.append(try revision(for: old.requireID(), number: (numbers[old.requireID()] ?? 0) + 1, row: row,
                                              agencyID: agencyID, actor: actor))
            } else {
                created.append((row, innovation))
            }
        }
        // New innovations go in with one statement per batch, then their first revisions.
        if !created.isEmpty {
            try await created.map(\.1).create(on: db)
            let stored = try await Innovation.query(on: db).filter(\.$code ~~ created.map(\.0.code))
                .field(\.$id).field(\.$code).all()
            var idByCode: [String: Int] = [:]
            for innovation in stored { if let code = innovation.code, let id = innovation.id { idByCode[code] = id } }
            for (row, _) in created {
                guard let id = idByCode[row.code] else { continue }
                revisions.append(try revision(for: id, number: 1, row: row, agencyID: agencyIDs[row.agencyCode]!, actor: actor))
            }
        }
        if !revisions.isEmpty { try await revisions.create(on: db) }
    }

    private func revision(for id: Int, number: Int, row: ImportedInnovation, agencyID: Int, actor: Actor) throws -> Revision {
        let revision = Revision()
        revision.$innovation.id = id
        revision.number = number
        revision.action = "imported"
        revision.userID = actor.userID
        revision.userName = actor.name
        revision.agencyID = agencyID
        revision.status = row.status
        revision.snapshot = String(decoding: try JSONEncoder.sorted.encode(row.profile), as: UTF8.self)
        return revision
    }

    struct ExistingKey {
        let code: String
        let agencyID: Int
        let nameKey: String
    }

    /// Code, agency and name of every stored innovation, without their texts.
    private func existingKeys() async throws -> [ExistingKey] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select().column("code").column("agency_id").column("name_key").column("id")
            .from(Innovation.schema).all()
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            return ExistingKey(code: try row.decode(column: "code", as: String?.self) ?? Innovation.defaultCode(id),
                               agencyID: try row.decode(column: "agency_id", as: Int.self),
                               nameKey: try row.decode(column: "name_key", as: String.self))
        }
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
