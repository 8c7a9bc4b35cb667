import Fluent
import LumbungCore
import Vapor

/// Inventory rounds: the Biro opens one, each agency confirms its innovations one by one and
/// then its list as complete, the Biro chases the late ones and closes the round into a snapshot.
struct InventoryController {
    // MARK: Views

    struct RoundRow: Encodable {
        let id: Int
        let name: String
        let deadline: String
        let state: String
        let confirmed: String
        let total: String?
    }

    struct AgencyProgressRow: Encodable {
        let agencyID: Int
        let name: String
        let innovations: String
        let answered: String
        let state: String
        let stateLabel: String
        let isLate: Bool
        let confirmedBy: String?
        let href: String
    }

    struct SnapshotView: Encodable {
        let takenOn: String
        let total: String
        let summary: String
        let byCategory: [LabelledValue]
        let byDeliveryMode: [LabelledValue]
        let byStage: [LabelledValue]
        let byAgency: [LabelledValue]
        let byYear: [LabelledValue]
        let unconfirmed: [String]
    }

    struct RoundPage: Encodable {
        let id: Int
        let name: String
        let deadline: String
        let isOpen: Bool
        let closedOn: String?
        let canManage: Bool
        let agencies: [AgencyProgressRow]
        let toChase: [AgencyProgressRow]
        let counts: [LabelledValue]
        let snapshot: SnapshotView?
        let otherRounds: [Choice]
    }

    struct CheckRow: Encodable {
        let id: Int
        let name: String
        let href: String
        let statusLabel: String
        let answer: String?
        let answerLabel: String?
        let discontinuedOn: String?
        let reason: String
        let answeredBy: String?
    }

    struct AgencyPage: Encodable {
        let roundID: Int
        let roundName: String
        let agencyID: Int
        let agencyName: String
        let deadline: String
        let isOpen: Bool
        let isLate: Bool
        let closedNotice: String?
        let canAnswer: Bool
        let rows: [CheckRow]
        let answered: String
        let total: String
        let confirmedBy: String?
        let answers: [Choice]
    }

    // MARK: Pages

    @Sendable func index(req: Request) async throws -> Response {
        let labels = Labels(req)
        let user = try req.user
        var rounds = try await InventoryRound.query(on: req.db).sort(\.$deadline, .descending).all()
        // An operator sees the rounds its agency is asked in (one without an agency never gets here).
        if case .agency(let agencyID) = RegistryScope(user) {
            let asked = Set(try await InventoryRoundAgency.query(on: req.db).filter(\.$agency.$id == agencyID).all().map(\.$round.id))
            rounds = rounds.filter { asked.contains($0.id!) }
        }
        var rows: [RoundRow] = []
        for round in rounds {
            let asked = try await InventoryRoundAgency.query(on: req.db).filter(\.$round.$id == round.id!).all()
            rows.append(RoundRow(id: round.id!, name: round.name, deadline: labels.date(round.deadline),
                                 state: round.isOpen ? req.t("inventory.open") : req.t("inventory.closedOn", labels.date(round.closedOn)),
                                 confirmed: req.t("inventory.confirmedCount", labels.number(asked.filter { $0.confirmedAt != nil }.count), labels.number(asked.count)),
                                 total: round.snapshot.map { labels.number($0.total) }))
        }
        struct Data: Encodable { let rounds: [RoundRow]; let canManage: Bool; let canCompare: Bool }
        return try await req.render("inventory/list", title: req.t("inventory.title"),
                                    Data(rounds: rows, canManage: user.role == .admin, canCompare: rows.filter { $0.total != nil }.count >= 2 && user.role != .operator))
    }

    @Sendable func new(req: Request) async throws -> Response {
        try await renderNew(req, name: "", deadline: "", chosen: nil, errors: [])
    }

    private func renderNew(_ req: Request, name: String, deadline: String, chosen: Set<Int>?, errors: [String]) async throws -> Response {
        let agencies = try await Agency.query(on: req.db).filter(\.$isActive == true).sort(\.$name).all()
        let choices = agencies.map { Choice(value: String($0.id!), label: $0.name, selected: chosen?.contains($0.id!) ?? ($0.kind != .village)) }
        struct Data: Encodable { let name: String; let deadline: String; let agencies: [Choice]; let errors: [String] }
        return try await req.render("inventory/new", title: req.t("inventory.new"), Data(name: name, deadline: deadline, agencies: choices, errors: errors),
                                    status: errors.isEmpty ? .ok : .badRequest)
    }

    @Sendable func create(req: Request) async throws -> Response {
        struct Form: Content { var name: String?; var deadline: String?; var agencies: [String]? }
        let form = try req.form(Form.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let deadlineText = (form.deadline ?? "").trimmingCharacters(in: .whitespaces)
        let chosen = Set((form.agencies ?? []).compactMap { Int($0) })
        var errors: [String] = []
        if name.isEmpty || name.count > 200 { errors.append(req.t("inventory.nameMissing")) }
        if try await InventoryRound.query(on: req.db).filter(\.$name == name).count() > 0 { errors.append(req.t("inventory.nameTaken", name)) }
        let deadline = CalendarDate(parsing: deadlineText)
        if deadline == nil { errors.append(req.t("inventory.deadlineBad", deadlineText)) }
        let agencies = try await Agency.query(on: req.db).filter(\.$isActive == true).all().filter { chosen.contains($0.id!) }
        if agencies.isEmpty { errors.append(req.t("inventory.agenciesMissing")) }
        guard errors.isEmpty, let deadline else {
            return try await renderNew(req, name: name, deadline: deadlineText, chosen: chosen, errors: errors)
        }
        let user = try req.user
        let round = try await req.db.transaction { db in
            let round = try await InventoryRound.open(name, deadline: deadline, asking: agencies.map { $0.id! }, by: user, on: db)
            try await db.audit(user, "inventory.open", "inventory", round.id, "\(name): \(agencies.count) agencies, deadline \(deadline)")
            return round
        }
        req.flash(.success, req.t("inventory.opened", name))
        return req.redirect(to: "/inventory/\(round.id!)")
    }

    @Sendable func show(req: Request) async throws -> Response {
        let round = try await roundFromPath(req)
        let user = try req.user
        if case .agency(let agencyID) = RegistryScope(user) { return req.redirect(to: "/inventory/\(round.id!)/agencies/\(agencyID)") }
        let labels = Labels(req)
        let progress = try await InventoryProgressReader(db: req.db).progress(of: round, today: req.today)
        let rows = progress.map { row(round, $0, labels) }
        let states = AgencyRoundState.allCases.map { state in
            LabelledValue(label: req.t("roundState.\(state.rawValue)"), value: labels.number(progress.filter { $0.state == state }.count))
        } + [LabelledValue(label: req.t("inventory.late"), value: labels.number(progress.filter(\.isLate).count))]
        let others = try await InventoryRound.query(on: req.db).filter(\.$id != round.id!).sort(\.$deadline, .descending).all()
            .filter { $0.snapshotJSON != nil }.map { Choice(value: String($0.id!), label: $0.name, selected: false) }
        let data = RoundPage(id: round.id!, name: round.name, deadline: labels.date(round.deadline), isOpen: round.isOpen,
                             closedOn: round.closedOn.map { labels.date($0) }, canManage: user.role == .admin && round.isOpen,
                             agencies: rows, toChase: rows.filter { $0.state != AgencyRoundState.confirmed.rawValue },
                             counts: states, snapshot: round.snapshot.map { Self.view($0, labels) },
                             otherRounds: round.snapshotJSON == nil ? [] : others)
        return try await req.render("inventory/round", title: round.name, data)
    }

    private func row(_ round: InventoryRound, _ p: InventoryProgressReader.AgencyProgress, _ labels: Labels) -> AgencyProgressRow {
        AgencyProgressRow(agencyID: p.agency.id!, name: p.agency.name, innovations: labels.number(p.innovations), answered: labels.number(p.answered),
                          state: p.state.rawValue, stateLabel: labels.t("roundState.\(p.state.rawValue)"), isLate: p.isLate,
                          confirmedBy: p.asked.confirmedByName.map { "\($0), \(labels.dateTime(p.asked.confirmedAt))" },
                          href: "/inventory/\(round.id!)/agencies/\(p.agency.id!)")
    }

    static func view(_ snapshot: InventorySnapshot, _ labels: Labels) -> SnapshotView {
        let categories = snapshot.counts(\.category)
        let counts = { (pairs: [(String, Int)]) in pairs.map { LabelledValue(label: $0.0, value: labels.number($0.1)) } }
        let parts = categories.filter { $0.1 > 0 }.map { labels.t("inventory.summaryPart", labels.number($0.1), labels.category($0.0).lowercased()) }
        return SnapshotView(
            takenOn: labels.date(snapshot.takenOn), total: labels.number(snapshot.total),
            summary: labels.t("inventory.summary", labels.number(snapshot.total), parts.joined(separator: labels.t("inventory.and"))),
            byCategory: counts(categories.map { (labels.category($0.0), $0.1) }),
            byDeliveryMode: counts(snapshot.counts(\.deliveryMode).map { (labels.deliveryMode($0.0), $0.1) }),
            byStage: counts(snapshot.counts(\.stage).map { (labels.stage($0.0), $0.1) }),
            byAgency: counts(snapshot.byAgency), byYear: counts(snapshot.byStartYear.map { (String($0.0), $0.1) }),
            unconfirmed: snapshot.unconfirmed)
    }

    @Sendable func agency(req: Request) async throws -> Response {
        let (round, asked) = try await askedFromPath(req)
        let labels = Labels(req)
        let (innovations, checks) = try await InventoryProgressReader(db: req.db).list(of: asked.$agency.id, in: round)
        let rows = innovations.map { innovation in
            let check = checks[innovation.id!]
            return CheckRow(id: innovation.id!, name: innovation.name, href: "/innovations/\(innovation.id!)", statusLabel: labels.status(innovation.status),
                            answer: check?.answer.rawValue, answerLabel: check.map { labels.t("inventoryAnswer.\($0.answer.rawValue)") },
                            discontinuedOn: check?.discontinuedOn.map { labels.date($0) }, reason: check?.reason ?? "", answeredBy: check?.answeredByName)
        }
        let user = try req.user
        let mayAnswer = user.role == .admin || user.operates(agencyID: asked.$agency.id)
        let state = InventoryRules.state(answered: checks.count, confirmed: asked.confirmedAt != nil)
        let data = AgencyPage(
            roundID: round.id!, roundName: round.name, agencyID: asked.$agency.id, agencyName: asked.agency.name, deadline: labels.date(round.deadline),
            isOpen: round.isOpen, isLate: InventoryRules.isLate(state, deadline: round.deadlineDay, today: req.today),
            closedNotice: InventoryRules.closedProblem(closedOn: round.closedDay)?.text(in: req.language),
            canAnswer: mayAnswer && round.isOpen, rows: rows, answered: labels.number(rows.filter { $0.answer != nil }.count), total: labels.number(rows.count),
            confirmedBy: asked.confirmedByName.map { "\($0), \(labels.dateTime(asked.confirmedAt))" },
            answers: InventoryAnswer.allCases.map { Choice(value: $0.rawValue, label: labels.t("inventoryAnswer.\($0.rawValue)"), selected: false) })
        return try await req.render("inventory/agency", title: "\(round.name) — \(asked.agency.name)", data)
    }

    // MARK: Answers

    @Sendable func answer(req: Request) async throws -> Response {
        struct Form: Content { var answer: String?; var discontinuedOn: String?; var reason: String? }
        let round = try await roundFromPath(req)
        let innovation = try await req.innovationFromPath()
        let back = "/inventory/\(round.id!)/agencies/\(innovation.$agency.id)"
        try requireOpen(round, req)
        guard let asked = try await InventoryRoundAgency.query(on: req.db).filter(\.$round.$id == round.id!)
            .filter(\.$agency.$id == innovation.$agency.id).first() else { throw Abort(.notFound) }
        let form = try req.form(Form.self)
        guard let answer = InventoryAnswer(rawValue: form.answer ?? "") else { throw Abort(.badRequest, reason: req.t("inventory.answerMissing")) }
        let problems = InventoryRules.problems(answer: answer, discontinuedOn: form.discontinuedOn, reason: form.reason, today: req.today)
        guard problems.isEmpty else {
            req.flash(.error, "\(innovation.name): " + problems.map { $0.text(in: req.language) }.joined(separator: " "))
            return req.redirect(to: back + "#innovation-\(innovation.id!)")
        }
        let user = try req.user
        let check = try await InventoryCheck.query(on: req.db).filter(\.$round.$id == round.id!).filter(\.$innovation.$id == innovation.id!).first()
            ?? InventoryCheck()
        check.$round.id = round.id!
        check.$innovation.id = innovation.id!
        check.agencyID = innovation.$agency.id
        check.answer = answer
        check.discontinuedOn = answer == .discontinued ? CalendarDate(parsing: form.discontinuedOn ?? "")?.description : nil
        check.reason = answer == .discontinued ? String((form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(1000)) : ""
        check.answeredByName = user.name
        try await req.db.transaction { db in
            // A changed list is no longer confirmed: the agency confirms it again.
            if asked.confirmedAt != nil {
                asked.confirmedAt = nil
                asked.confirmedByName = nil
                try await asked.save(on: db)
            }
            let current = innovation.reviewState
            let next = InventoryRules.reviewState(after: answer, current: current, before: check.stateBefore)
            if next != current {
                innovation.reviewState = next
                let summary = answer == .discontinued ? "\(innovation.name): \(check.discontinuedOn ?? "") — \(check.reason)"
                                                      : "\(innovation.name): \(answer.rawValue), \(next.status.rawValue) again"
                try await InnovationStore(db: db, search: req.application.catalogue).save(
                    innovation, action: answer == .discontinued ? "discontinued" : "resumed", by: user, auditSummary: summary)
            }
            check.stateBefore = InventoryRules.stateKept(after: answer, current: current, before: check.stateBefore)
            try await check.save(on: db)
            try await db.audit(user, "inventory.answer", "inventory", round.id, "\(innovation.name): \(answer.rawValue)")
        }
        if answer == .changed {
            // A verified profile is the Biro's to reopen: the answer is recorded and the Biro sees it.
            guard ReviewWorkflow.canEdit(innovation.status, by: try req.reviewActor(for: innovation)) else {
                req.flash(.info, req.t("inventory.changedAskBiro", innovation.name))
                return req.redirect(to: back + "#innovation-\(innovation.id!)")
            }
            req.flash(.success, req.t("inventory.changedEdit", innovation.name))
            return req.redirect(to: "/innovations/\(innovation.id!)/edit")
        }
        req.flash(.success, req.t("inventory.answerSaved", innovation.name, req.t("inventoryAnswer.\(answer.rawValue)")))
        return req.redirect(to: back + "#innovation-\(innovation.id!)")
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        let (round, asked) = try await askedFromPath(req)
        let user = try req.user
        guard user.role == .admin || user.operates(agencyID: asked.$agency.id) else { throw Abort(.forbidden) }
        try requireOpen(round, req)
        let back = "/inventory/\(round.id!)/agencies/\(asked.$agency.id)"
        let (list, answered) = try await InventoryProgressReader(db: req.db).list(of: asked.$agency.id, in: round)
        if let problem = InventoryRules.confirmationProblem(unanswered: list.filter { answered[$0.id!] == nil }.map(\.name)) {
            req.flash(.error, problem.text(in: req.language))
            return req.redirect(to: back)
        }
        asked.confirmedAt = Date()
        asked.confirmedByName = user.name
        try await req.db.transaction { db in
            try await asked.save(on: db)
            try await db.audit(user, "inventory.confirm", "inventory", round.id, "\(asked.agency.name): \(list.count) innovations")
        }
        req.flash(.success, req.t("inventory.confirmed", asked.agency.name))
        return req.redirect(to: back)
    }

    @Sendable func close(req: Request) async throws -> Response {
        let round = try await roundFromPath(req)
        try requireOpen(round, req)
        let user = try req.user
        let snapshot = try await InventoryProgressReader(db: req.db).snapshot(of: round, today: req.today)
        round.closedOn = req.today.description
        round.snapshotJSON = String(decoding: try JSONEncoder.sorted.encode(snapshot), as: UTF8.self)
        try await req.db.transaction { db in
            try await round.save(on: db)
            try await db.audit(user, "inventory.close", "inventory", round.id, "\(round.name): \(snapshot.total) innovations, \(snapshot.unconfirmed.count) agencies unconfirmed")
        }
        req.flash(.success, req.t("inventory.closedDone", round.name, Labels(req).number(snapshot.total)))
        return req.redirect(to: "/inventory/\(round.id!)")
    }

    @Sendable func compare(req: Request) async throws -> Response {
        let labels = Labels(req)
        guard let fromID = req.query[Int.self, at: "from"], let toID = req.query[Int.self, at: "to"],
              let from = try await InventoryRound.find(fromID, on: req.db), let to = try await InventoryRound.find(toID, on: req.db) else {
            throw Abort(.badRequest, reason: req.t("inventory.compareChoose"))
        }
        guard let earlier = from.snapshot, let later = to.snapshot else { throw Abort(.badRequest, reason: req.t("inventory.compareOpen")) }
        // The earlier round first: by the day it closed, then by when it was opened.
        let (a, b) = (earlier.takenOn, from.id!) <= (later.takenOn, to.id!) ? (from, to) : (to, from)
        let comparison = InventoryComparison(from: a.snapshot!, to: b.snapshot!)
        struct Item: Encodable { let name: String; let agency: String; let detail: String }
        let item = { (i: InventorySnapshot.Item) in Item(name: i.name, agency: i.agencyName, detail: "") }
        struct Data: Encodable {
            let from: String; let to: String; let fromTotal: String; let toTotal: String
            let added: [Item]; let removed: [Item]; let changed: [Item]
        }
        let data = Data(from: a.name, to: b.name, fromTotal: labels.number(a.snapshot!.total), toTotal: labels.number(b.snapshot!.total),
                        added: comparison.added.map(item), removed: comparison.removed.map(item),
                        changed: comparison.changed.map { change in
                            Item(name: change.after.name, agency: change.after.agencyName, detail: change.parts.map { part in
                                switch part {
                                case "name": return "\(labels.t("field.name")): \(change.before.name) → \(change.after.name)"
                                case "agency": return "\(labels.t("users.agency")): \(change.before.agencyName) → \(change.after.agencyName)"
                                case "category": return "\(labels.t("field.category")): \(labels.category(change.before.category)) → \(labels.category(change.after.category))"
                                case "deliveryMode": return "\(labels.t("field.deliveryMode")): \(labels.deliveryMode(change.before.deliveryMode)) → \(labels.deliveryMode(change.after.deliveryMode))"
                                default: return "\(labels.t("field.stage")): \(labels.stage(change.before.stage)) → \(labels.stage(change.after.stage))"
                                }
                            }.joined(separator: "; "))
                        })
        return try await req.render("inventory/compare", title: req.t("inventory.compareTitle", a.name, b.name), data)
    }

    // MARK: Helpers

    /// Answers and confirmations end when the round closes: 409 naming the day.
    private func requireOpen(_ round: InventoryRound, _ req: Request) throws {
        if let closed = InventoryRules.closedProblem(closedOn: round.closedDay) { throw Abort(.conflict, reason: closed.text(in: req.language)) }
    }

    private func roundFromPath(_ req: Request) async throws -> InventoryRound {
        guard let id = req.parameters.get("roundID", as: Int.self), let round = try await InventoryRound.find(id, on: req.db) else { throw Abort(.notFound) }
        return round
    }

    /// The round and one agency asked in it; operators reach only their own agency's.
    private func askedFromPath(_ req: Request) async throws -> (InventoryRound, InventoryRoundAgency) {
        let round = try await roundFromPath(req)
        guard let agencyID = req.parameters.get("agencyID", as: Int.self),
              let asked = try await InventoryRoundAgency.query(on: req.db).filter(\.$round.$id == round.id!).filter(\.$agency.$id == agencyID)
                .with(\.$agency).first() else { throw Abort(.notFound) }
        switch RegistryScope(try req.user) {
        case .everything: break
        case .agency(let own) where own == agencyID: break
        default: throw Abort(.forbidden)
        }
        return (round, asked)
    }
}
