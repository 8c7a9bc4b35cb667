import Fluent
import LumbungCore
import Vapor

/// The agency list (with innovation counts), agency pages, and the admin's agency forms.
struct AgencyController {
    struct Row: Encodable {
        let id: Int
        let code: String
        let name: String
        let kindLabel: String
        let depth: Int
        let count: Int
        let isActive: Bool
    }

    struct ListData: Encodable {
        let rows: [Row]
        let withoutInnovation: Int
        let canManage: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let labels = Labels(req)
        let agencies = try await Agency.query(on: req.db).sort(\.$name).all()
        let counts = try await RegistryStatistics(db: req.db).countsByAgency()
        let rows = AgencyTree.ordered(agencies).map { agency, depth in
            Row(id: agency.id!, code: agency.code, name: agency.name, kindLabel: labels.agencyKind(agency.kind),
                depth: min(depth, 4), count: counts[agency.id!] ?? 0, isActive: agency.isActive)
        }
        let data = ListData(rows: rows, withoutInnovation: rows.filter { $0.isActive && $0.count == 0 }.count,
                            canManage: try req.user.role == .admin)
        return try await req.render("registry/agency-list", title: req.t("agencies.title"), data)
    }

    struct DetailData: Encodable {
        struct InnovationRow: Encodable {
            let id: Int
            let name: String
            let statusLabel: String
            let status: String
            let stageLabel: String
        }
        struct UnitRow: Encodable {
            let id: Int
            let name: String
        }
        let id: Int
        let code: String
        let name: String
        let shortName: String
        let kindLabel: String
        let parentName: String?
        let parentHref: String?
        let isActive: Bool
        let units: [UnitRow]
        let innovations: [InnovationRow]
        let canManage: Bool
        let listHref: String
        let hasUnits: Bool
        let hasInnovations: Bool
    }

    @Sendable func show(req: Request) async throws -> Response {
        let agency = try await findAgency(req)
        let labels = Labels(req)
        let user = try req.user
        let id = try agency.requireID()
        let parent = try await agency.parentID.asyncMap { try await Agency.find($0, on: req.db) } ?? nil
        let units = try await Agency.query(on: req.db).filter(\.$parentID == id).sort(\.$name).all()
        var innovations: [Innovation] = []
        if user.role != .operator || user.operates(agencyID: id) {
            innovations = try await Innovation.query(on: req.db).filter(\.$agency.$id == id)
                .filter(\.$status != .archived).sort(\.$nameKey).all()
        } else {
            innovations = try await Innovation.query(on: req.db).filter(\.$agency.$id == id)
                .filter(\.$status == .verified).filter(\.$isPublic == true).sort(\.$nameKey).all()
        }
        let data = DetailData(
            id: id, code: agency.code, name: agency.name, shortName: agency.shortName,
            kindLabel: labels.agencyKind(agency.kind), parentName: parent?.name,
            parentHref: parent.map { "/agencies/\($0.id!)" }, isActive: agency.isActive,
            units: units.map { .init(id: $0.id!, name: $0.name) },
            innovations: innovations.map {
                .init(id: $0.id!, name: $0.name, statusLabel: labels.status($0.status), status: $0.status.rawValue,
                      stageLabel: labels.stage($0.stage))
            },
            canManage: user.role == .admin,
            listHref: "/innovations?agency=\(id)", hasUnits: !units.isEmpty, hasInnovations: !innovations.isEmpty)
        return try await req.render("registry/agency-show", title: agency.name, data)
    }

    struct FormData: Encodable {
        let action: String
        let isNew: Bool
        let input: AgencyInput
        let kinds: [Choice]
        let parents: [Choice]
        let errors: [String: String]
        let cancelHref: String
    }

    @Sendable func new(req: Request) async throws -> Response {
        try await renderForm(req, agency: nil, input: AgencyInput(kind: AgencyKind.office.rawValue), errors: [:])
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let agency = try await findAgency(req)
        let input = AgencyInput(code: agency.code, name: agency.name, shortName: agency.shortName,
                                kind: agency.kind.rawValue, parentID: agency.parentID.map(String.init))
        return try await renderForm(req, agency: agency, input: input, errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        try await save(req, agency: nil)
    }

    @Sendable func update(req: Request) async throws -> Response {
        try await save(req, agency: try await findAgency(req))
    }

    @Sendable func deactivate(req: Request) async throws -> Response { try await setActive(req, false) }
    @Sendable func activate(req: Request) async throws -> Response { try await setActive(req, true) }

    private func save(_ req: Request, agency existing: Agency?) async throws -> Response {
        let input = try req.form(AgencyInput.self)
        var errors: [String: String] = [:]
        switch input.parse() {
        case .failure(let problems):
            errors = problems.mapValues { $0.text(in: req.language) }
        case .success(let parsed):
            let sameCode = try await Agency.query(on: req.db).filter(\.$code == parsed.code).all()
            if sameCode.contains(where: { $0.id != existing?.id }) {
                errors["code"] = req.t("agency.codeTaken")
            }
            if let parentID = parsed.parentID {
                let all = try await Agency.query(on: req.db).all()
                if !all.contains(where: { $0.id == parentID }) {
                    errors["parentID"] = req.t("error.unknownChoice", String(parentID))
                } else if let id = existing?.id, AgencyTree.wouldCycle(agencyID: id, newParentID: parentID, in: all) {
                    errors["parentID"] = req.t("agency.parentCycle")
                }
            }
            if errors.isEmpty {
                let agency = existing ?? Agency()
                if existing == nil { agency.isActive = true }
                agency.code = parsed.code
                agency.name = parsed.name
                agency.shortName = parsed.shortName
                agency.kind = parsed.kind
                agency.parentID = parsed.parentID
                let user = try req.user
                try await req.db.transaction { db in
                    try await agency.save(on: db)
                    try await db.audit(user, existing == nil ? "agency.create" : "agency.update", "agency", agency.id,
                                       "\(agency.code) \(agency.name)")
                }
                // A new name reaches the catalogue's documents of this agency's innovations now.
                try await req.application.catalogue.reloadAgencyNames(on: req.db)
                req.flash(.success, req.t("agency.saved"))
                return req.redirect(to: "/agencies/\(try agency.requireID())")
            }
        }
        return try await renderForm(req, agency: existing, input: input, errors: errors, status: .badRequest)
    }

    private func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        let agency = try await findAgency(req)
        agency.isActive = active
        let user = try req.user
        try await req.db.transaction { db in
            try await agency.save(on: db)
            try await db.audit(user, active ? "agency.activate" : "agency.deactivate", "agency", agency.id, agency.code)
        }
        req.flash(.success, req.t(active ? "agency.activated" : "agency.deactivated"))
        return req.redirect(to: "/agencies/\(try agency.requireID())")
    }

    private func findAgency(_ req: Request) async throws -> Agency {
        guard let id = req.parameters.get("agencyID", as: Int.self), let agency = try await Agency.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        return agency
    }

    private func renderForm(_ req: Request, agency: Agency?, input: AgencyInput, errors: [String: String],
                            status: HTTPStatus = .ok) async throws -> Response {
        let labels = Labels(req)
        let all = try await Agency.query(on: req.db).sort(\.$name).all()
        let data = FormData(
            action: agency.map { "/agencies/\($0.id!)" } ?? "/agencies", isNew: agency == nil, input: input,
            kinds: AgencyKind.allCases.map { Choice(value: $0.rawValue, label: labels.agencyKind($0), selected: $0.rawValue == input.kind) },
            parents: all.filter { $0.id != agency?.id }.map {
                Choice(value: String($0.id!), label: $0.name, selected: String($0.id!) == input.parentID)
            },
            errors: errors, cancelHref: agency.map { "/agencies/\($0.id!)" } ?? "/agencies")
        return try await req.render("registry/agency-form", title: agency == nil ? req.t("agency.new") : req.t("agency.edit"),
                                    data, status: status)
    }
}

/// Agencies as a tree: parents first, their units indented beneath.
enum AgencyTree {
    static func ordered(_ agencies: [Agency]) -> [(Agency, Int)] {
        let ids = Set(agencies.compactMap(\.id))
        var children: [Int?: [Agency]] = [:]
        for agency in agencies {
            let parent = agency.parentID.flatMap { ids.contains($0) ? $0 : nil }
            children[parent, default: []].append(agency)
        }
        var result: [(Agency, Int)] = []
        var seen = Set<Int>()
        func visit(_ parent: Int?, depth: Int) {
            for agency in children[parent] ?? [] where !seen.contains(agency.id!) {
                seen.insert(agency.id!)
                result.append((agency, depth))
                visit(agency.id, depth: depth + 1)
            }
        }
        visit(nil, depth: 0)
        // Anything left is in a loop of parents; list it flat rather than lose it.
        for agency in agencies where !seen.contains(agency.id!) { result.append((agency, 0)) }
        return result
    }

    static func wouldCycle(agencyID: Int, newParentID: Int, in agencies: [Agency]) -> Bool {
        var current: Int? = newParentID
        var steps = 0
        while let id = current, steps <= agencies.count {
            if id == agencyID { return true }
            current = agencies.first { $0.id == id }?.parentID
            steps += 1
        }
        return false
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
