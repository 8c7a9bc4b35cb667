import Fluent
import Foundation
import LumbungCore
import SQLKit
import Vapor

/// Imports a spreadsheet of innovations: every problem reported at once, all or nothing,
/// rows matched to existing innovations by `kode`, unchanged rows left alone (so importing the
/// same file twice changes nothing).
///
/// The file is read once, inside one transaction: each row is checked, and while no row has
/// failed, batches of checked rows are compared with the database and written. A file with a
/// problem anywhere is read to its end for the full list, and the transaction is rolled back.
struct ImportService {
    let db: any Database
    var search: CatalogueSearch?
    var clock: Clock = .system
    static let batchSize = 1000

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

    /// Thrown inside the transaction when the file has problems, so that nothing stays written.
    private struct Rejected: Error {
        let report: Report
    }

    /// Imports `bytes` (the file called `fileName`) and records one audit event for it, whatever
    /// the outcome: who (or the console), the file's name, size and SHA-256, the counts, and
    /// whether it was a dry run or was refused.
    func run(_ bytes: [UInt8], fileName: String, dryRun: Bool, actor: Actor) async throws -> Report {
        if !dryRun { try await ImportMarker.begin(by: actor.email, at: clock.now(), on: db) }
        let report: Report
        do {
            report = try await BackgroundWork.run { try await importFile(bytes, fileName: fileName, dryRun: dryRun, actor: actor) }
        } catch {
            if !dryRun { await ImportMarker.end(on: db) }
            throw error
        }
        if !dryRun { await ImportMarker.end(on: db) }
        // A saved import wrote its event inside its own transaction; a dry run or a refused file
        // changed nothing, and is recorded now.
        if dryRun || !report.succeeded { try await auditEvent(report, fileName: fileName, bytes: bytes, actor: actor).create(on: db) }
        if !dryRun && report.created + report.updated > 0 { try await search?.rebuild(on: db) }
        return report
    }

    private func auditEvent(_ report: Report, fileName: String, bytes: [UInt8], actor: Actor) -> AuditEvent {
        AuditEvent(actorID: actor.userID, actorEmail: actor.email,
                   action: report.dryRun ? "registry.import.dry-run" : (report.succeeded ? "registry.import" : "registry.import.rejected"),
                   entity: "registry", entityID: nil,
                   summary: Self.auditSummary(report, fileName: fileName, bytes: bytes))
    }

    static func auditSummary(_ report: Report, fileName: String, bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes).hex
        let outcome = report.succeeded
            ? "\(report.rows) rows: \(report.created) created, \(report.updated) updated, \(report.unchanged) unchanged"
            : "\(report.rows) rows, \(report.problems.count) problems, nothing saved"
        return "\(fileName) (\(bytes.count) bytes, SHA-256 \(digest)): \(outcome)\(report.dryRun ? " (dry run)" : "")"
    }

    private func importFile(_ bytes: [UInt8], fileName: String, dryRun: Bool, actor: Actor) async throws -> Report {
        let file: SpreadsheetFile
        switch SpreadsheetFile.open(bytes) {
        case .success(let opened): file = opened
        case .failure(let problem): return Report(problems: [problem], dryRun: dryRun)
        }
        let agencies = try await Agency.query(on: db).all()
        let agencyIDs = Dictionary(agencies.map { ($0.code.uppercased(), $0.id!) }, uniquingKeysWith: { a, _ in a })
        let crossCheck = ImportCrossCheck(agencyIDs: agencyIDs, existing: try await existingKeys())

        let walk: @Sendable (any Database) async throws -> Report = { [file] database in
            let report = try await read(file, crossCheck: crossCheck, dryRun: dryRun, actor: actor, on: database)
            // Rolls the transaction back: a file with any problem leaves the registry as it was.
            if !report.succeeded && !dryRun { throw Rejected(report: report) }
            // Written and committed with the rows: no import is saved without its trace.
            if !dryRun { try await auditEvent(report, fileName: fileName, bytes: bytes, actor: actor).create(on: database) }
            return report
        }
        do {
            return dryRun ? try await walk(db) : try await db.transaction { try await walk($0) }
        } catch let rejected as Rejected {
            return rejected.report
        }
    }

    /// Reads the whole file once: checks every row, and writes batches while all rows so far are good.
    private func read(_ file: SpreadsheetFile, crossCheck: ImportCrossCheck, dryRun: Bool, actor: Actor,
                      on database: any Database) async throws -> Report {
        var report = Report(dryRun: dryRun)
        var crossCheck = crossCheck
        var header: ImportRowMapper.Header?
        var problems: [ImportProblem] = []
        var batch: [PreparedRow] = []
        let counts = Counts()
        let numbers = dryRun ? [:] : try await lastRevisionNumbers(on: database)
        let registry = crossCheck
        let writer = OneAfterAnother()
        func flush() async throws {
            let rows = batch
            batch.removeAll(keepingCapacity: true)
            guard problems.isEmpty, !rows.isEmpty else { return }
            try await writer.start {
                try await compareAndWrite(rows, registry: registry, numbers: numbers, dryRun: dryRun, actor: actor,
                                          counts: counts, on: database)
            }
        }

        let broken = try await writer.finishing {
            try await file.forEachRow { cells, number in
                guard let knownHeader = header else {
                    switch ImportRowMapper.header(cells) {
                    case .success(let value): header = value
                    case .failure(let headerProblems): problems += headerProblems
                    }
                    return
                }
                let result = ImportRowMapper.mapRow(cells, row: number, header: knownHeader)
                if result.innovation != nil || !result.problems.isEmpty { report.rows += 1 }
                problems += result.problems
                problems += crossCheck.check(result, row: number)
                guard problems.isEmpty, let row = result.innovation else { return }
                // A new row's first revision is written here, while the database is busy with the last batch.
                let isNew = !dryRun && !crossCheck.isStored(row.code)
                batch.append(PreparedRow(row: row, firstSnapshot: isNew ? row.profile.snapshotJSON : nil))
                if batch.count == Self.batchSize { try await flush() }
            }
        }
        if let broken { problems.append(broken) }
        if header == nil && problems.isEmpty {
            problems.append(ImportProblem(row: 1, column: "-", message: LocalizedMessage("import.empty")))
        }
        try await writer.finishing { try await flush() }
        report.problems = problems.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        guard report.succeeded else { return report }
        (report.created, report.updated, report.unchanged) = counts.values
        return report
    }

    /// Runs jobs one after the other in the background, so that the caller reads and checks the
    /// next batch while the database writes this one: the parser and the database each keep a
    /// core busy, and batches still reach the database in file order.
    final class OneAfterAnother {
        private var running: Task<Void, any Error>?

        /// Waits for the job before, then starts this one.
        func start(_ job: @escaping @Sendable () async throws -> Void) async throws {
            try await running?.value
            running = Task(operation: job)
        }

        /// Runs `body`, then waits for the last job, also when `body` throws: a write still
        /// running must end before its transaction is committed or rolled back.
        func finishing<Result>(_ body: () async throws -> Result) async throws -> Result {
            let result: Result
            do {
                result = try await body()
            } catch {
                _ = try? await running?.value
                running = nil
                throw error
            }
            let last = running
            running = nil
            try await last?.value
            return result
        }
    }

    /// A checked row, with its first revision's snapshot when it will be created.
    struct PreparedRow: Sendable {
        let row: ImportedInnovation
        let firstSnapshot: String?
    }

    /// Tallies kept across batches.
    final class Counts: @unchecked Sendable {
        var created = 0, updated = 0, unchanged = 0
        var values: (Int, Int, Int) { (created, updated, unchanged) }
    }

    private func compareAndWrite(_ rows: [PreparedRow], registry: ImportCrossCheck, numbers: [Int: Int], dryRun: Bool,
                                 actor: Actor, counts: Counts, on db: any Database) async throws {
        let agencyIDs = registry.agencyIDs
        guard !rows.isEmpty else { return }
        // Only codes the registry held are looked up: a batch of new rows needs no reading.
        let storedCodes = rows.map(\.row.code).filter(registry.isStored)
        let stored = storedCodes.isEmpty ? [] : try await Innovation.query(on: db).filter(\.$code ~~ storedCodes).all()
        let byCode = Dictionary(stored.compactMap { i in i.code.map { ($0, i) } }, uniquingKeysWith: { a, _ in a })
        var created: [PreparedRow] = []
        var revisions: [InnovationRows.NewRevision] = []
        for prepared in rows {
            let original = prepared.row
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
            guard let innovation = old else {
                created.append(prepared)
                continue
            }
            innovation.$agency.id = agencyID
            innovation.apply(row.profile)
            innovation.status = row.status
            innovation.isPublic = row.isPublic
            innovation.updatedBy = actor.userID
            try await innovation.save(on: db)
            let id = try innovation.requireID()
            revisions.append(InnovationRows.NewRevision(innovationID: id, number: (numbers[id] ?? 0) + 1, agencyID: agencyID,
                                                        status: row.status, snapshot: row.profile.snapshotJSON))
        }
        // New innovations go in with a few multi-row statements, then every revision of the batch.
        let time = clock.now()
        let bulk = InnovationRows(db)
        if !created.isEmpty {
            let ids = try await bulk.insert(created.map(\.row).map {
                InnovationRows.New(code: $0.code, agencyID: agencyIDs[$0.agencyCode]!, profile: $0.profile, status: $0.status,
                                   isPublic: $0.isPublic, userID: actor.userID)
            }, at: time)
            revisions += created.compactMap { prepared -> InnovationRows.NewRevision? in
                let row = prepared.row
                guard let id = ids[row.code] else { return nil }
                return InnovationRows.NewRevision(innovationID: id, number: 1, agencyID: agencyIDs[row.agencyCode]!,
                                                  status: row.status, snapshot: prepared.firstSnapshot ?? row.profile.snapshotJSON)
            }
        }
        try await bulk.insert(revisions, action: "imported", userID: actor.userID, userName: actor.name, at: time)
    }

    /// Code, agency and name of every stored innovation, without their texts.
    private func existingKeys() async throws -> [ImportCrossCheck.Existing] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select().column("code").column("agency_id").column("name_key").column("id")
            .from(Innovation.schema).all()
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            return ImportCrossCheck.Existing(code: try row.decode(column: "code", as: String?.self) ?? Innovation.defaultCode(id),
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
