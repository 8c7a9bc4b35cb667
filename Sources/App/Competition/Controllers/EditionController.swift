import Fluent
import LumbungCore
import Vapor

/// Editions: the list, an edition's page with its rules and proposals, and the Biro's forms to
/// create, edit and copy one.
struct EditionController {
    struct ListRow: Encodable {
        let id: Int
        let name: String
        let year: Int
        let organiserLabel: String
        let registration: String
        let isOpen: Bool
        let proposals: String
    }

    struct ListData: Encodable {
        let rows: [ListRow]
        let canManage: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let labels = Labels(req)
        let competitions = try await Competition.query(on: req.db).sort(\.$year, .descending).sort(\.$name).all()
        let visibility = req.innovationVisibility
        var counts: [Int: Int] = [:]
        let scoped = Proposal.query(on: req.db).join(Innovation.self, on: \Proposal.$innovation.$id == \Innovation.$id)
        if case .agency(let agencyID) = visibility.scope { scoped.filter(Innovation.self, \.$agency.$id == agencyID) }
        if visibility.scope != .nothing {
            for proposal in try await scoped.filter(\.$status != .withdrawn).all() { counts[proposal.$competition.id, default: 0] += 1 }
        }
        let rows = competitions.map { c in
            ListRow(id: c.id!, name: c.name, year: c.year, organiserLabel: labels.t("organiser.\(c.organiser.rawValue)"),
                    registration: labels.t("edition.window", labels.dateTime(c.opensAt), labels.dateTime(c.closesAt)),
                    isOpen: c.isOpen(at: req.now), proposals: labels.number(counts[c.id!] ?? 0))
        }
        return try await req.render("competitions/list", title: req.t("competitions.title"),
                                    ListData(rows: rows, canManage: try req.user.role == .admin))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let competition = try await req.competitionFromPath()
        let view = try await EditionPage.make(req: req, competition: competition)
        return try await req.render("competitions/show", title: competition.name, view)
    }

    @Sendable func new(req: Request) async throws -> Response {
        var form = EditionForm(try await seedForNew(req))
        form.name = ""
        return try await renderForm(req, form, competition: nil, problems: [])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = EditionForm(fields: try req.form([String: String].self))
        let (parsed, problems) = form.parse()
        guard let parsed else { return try await renderForm(req, form, competition: nil, problems: problems) }
        let competition = Competition(name: parsed.name, year: parsed.year, organiser: parsed.organiser,
                                      opensAt: parsed.opensAt, closesAt: parsed.closesAt, definition: parsed.definition)
        let user = try req.user
        try await req.db.transaction { db in
            try await competition.create(on: db)
            try await db.audit(user, "competition.create", "competition", competition.id, competition.name)
        }
        req.flash(.success, req.t("edition.created", competition.name))
        return req.redirect(to: "/competitions/\(try competition.requireID())")
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let competition = try await req.competitionFromPath()
        return try await renderForm(req, EditionForm(competition), competition: competition, problems: [])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let competition = try await req.competitionFromPath()
        let form = EditionForm(fields: try req.form([String: String].self))
        let (parsed, problems) = form.parse()
        guard let parsed else { return try await renderForm(req, form, competition: competition, problems: problems) }
        competition.name = parsed.name
        competition.year = parsed.year
        competition.organiser = parsed.organiser
        competition.opensAt = parsed.opensAt
        competition.closesAt = parsed.closesAt
        competition.definition = parsed.definition
        let user = try req.user
        try await req.db.transaction { db in
            try await competition.save(on: db)
            try await db.audit(user, "competition.update", "competition", competition.id, competition.name)
        }
        req.flash(.success, req.t("edition.saved"))
        return req.redirect(to: "/competitions/\(try competition.requireID())")
    }

    /// Copies everything for next year's edition: the rules, and the dates a year later.
    @Sendable func copy(req: Request) async throws -> Response {
        let original = try await req.competitionFromPath()
        let year = original.year + 1
        let name = original.name.contains(String(original.year))
            ? original.name.replacingOccurrences(of: String(original.year), with: String(year))
            : req.t("edition.copyName", original.name)
        func nextYear(_ date: Date) -> Date {
            let parts = WITATime.parts(date)
            return WITATime.instant(parts.day.anniversary(years: 1), hour: parts.hour, minute: parts.minute)
        }
        var definition = original.definition
        definition.stages = definition.stages.map { stage in
            var moved = stage
            moved.starts = stage.starts?.anniversary(years: 1)
            moved.ends = stage.ends?.anniversary(years: 1)
            return moved
        }
        let copy = Competition(name: name, year: year, organiser: original.organiser, opensAt: nextYear(original.opensAt),
                               closesAt: nextYear(original.closesAt), definition: definition)
        copy.copiedFromID = original.id
        let user = try req.user
        try await req.db.transaction { db in
            try await copy.create(on: db)
            try await db.audit(user, "competition.copy", "competition", copy.id, "\(copy.name) from \(original.name)")
        }
        req.flash(.success, req.t("edition.copied", original.name, copy.name))
        return req.redirect(to: "/competitions/\(try copy.requireID())/edit")
    }

    /// A new edition starts from the newest national one, so that the form is not empty.
    private func seedForNew(_ req: Request) async throws -> Competition {
        if let newest = try await Competition.query(on: req.db).filter(\.$organiser == .nationalKIPP).sort(\.$year, .descending).first() {
            return newest
        }
        let seed = EditionSeeds.kipp2023
        return Competition(name: seed.name, year: seed.year, organiser: seed.organiser,
                           opensAt: WITATime.instant(seed.opens.day, hour: seed.opens.hour, minute: seed.opens.minute),
                           closesAt: WITATime.instant(seed.closes.day, hour: seed.closes.hour, minute: seed.closes.minute),
                           definition: seed.definition)
    }

    private func renderForm(_ req: Request, _ form: EditionForm, competition: Competition?, problems: [EditionProblem]) async throws -> Response {
        let heading = competition.map { req.t("edition.editTitle", $0.name) } ?? req.t("edition.new")
        let page = EditionFormPage(form: form, action: competition.map { "/competitions/\($0.id!)" } ?? "/competitions",
                                   heading: heading, isNew: competition == nil, problems: problems, labels: Labels(req))
        return try await req.render("competitions/edition-form", title: heading, page, status: problems.isEmpty ? .ok : .badRequest)
    }
}
