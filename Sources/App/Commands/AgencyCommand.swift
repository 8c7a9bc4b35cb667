import Fluent
import LumbungCore
import Vapor

/// `lumbung agency create --code C --name N [--short-name S] [--kind K] [--parent CODE]`:
/// for setting up a province from a script.
struct AgencyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create")
        var action: String
        @Option(name: "code", help: "Unique code, e.g. DISDUKCAPIL")
        var code: String?
        @Option(name: "name", help: "Full name")
        var name: String?
        @Option(name: "short-name", help: "Short name")
        var shortName: String?
        @Option(name: "kind", help: "secretariat | office | board | inspectorate | hospital | technicalUnit | healthCentre | school | regency | district | village | other")
        var kind: String?
        @Option(name: "parent", help: "Code of the parent agency")
        var parent: String?
    }

    var help: String { "Creates an agency." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else { throw CommandFailure("action must be create") }
        func parse(parentID: String?) throws -> AgencyInput.Parsed {
            let input = AgencyInput(code: signature.code, name: signature.name, shortName: signature.shortName,
                                    kind: signature.kind ?? AgencyKind.office.rawValue, parentID: parentID)
            switch input.parse() {
            case .success(let value): return value
            case .failure(let problems):
                throw CommandFailure(problems.sorted { $0.key < $1.key }.map { "--\($0.key): \($0.value.text(in: .en))" }.joined(separator: "; "))
            }
        }
        // Bad arguments are named before any database is opened or created.
        _ = try parse(parentID: nil)
        try await context.application.prepareDatabase(console: context.console)
        let db = context.application.db
        var parentID: String?
        if let parentCode = signature.parent?.uppercased() {
            guard let parent = try await Agency.query(on: db).filter(\.$code == parentCode).first() else {
                throw CommandFailure("--parent: no agency with code \(parentCode)")
            }
            parentID = parent.id.map(String.init)
        }
        let parsed = try parse(parentID: parentID)
        if try await Agency.query(on: db).filter(\.$code == parsed.code).count() > 0 {
            throw CommandFailure("--code: an agency with code \(parsed.code) already exists")
        }
        let agency = Agency(code: parsed.code, name: parsed.name, shortName: parsed.shortName, kind: parsed.kind, parentID: parsed.parentID)
        try await db.transaction { tx in
            try await agency.create(on: tx)
            try await tx.audit(nil, "agency.create", "agency", agency.id, "\(parsed.code) from the command line")
        }
        context.console.output("Agency created: \(parsed.code)".consoleText())
    }
}
