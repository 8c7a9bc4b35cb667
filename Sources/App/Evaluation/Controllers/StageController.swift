import Fluent
import LumbungCore
import Vapor

/// A scored stage's own page: its rules, its panel and conflicts, its progress, and the steps
/// from setup to a final result.
struct StageController {
    struct MemberRow: Encodable {
        let id: Int
        let userID: Int
        let name: String
        let email: String
        let team: String
        let affiliation: String
        let agency: String
        let expertise: String
        let isActive: Bool
        let assigned: Int
        let submitted: Int
    }

    struct ConflictRow: Encodable {
        let proposal: String
        let evaluator: String
        let source: String
        let reason: String
        let recordedBy: String
    }

    struct StageData: Encodable {
        let competitionID: Int
        let competition: String
        let stageKey: String
        let stageName: String
        let path: String
        let status: String
        let statusLabel: String
        let isSetUp: Bool
        let canManage: Bool
        let inSetup: Bool
        let isScoring: Bool
        let isClosed: Bool
        let isAnnounced: Bool
        let blind: Bool
        let rules: StageRulesForm
        let rulesSummary: [String]
        let problems: [String]
        let bases: [Choice]
        let attributes: [Choice]
        let methods: [Choice]
        let tiers: [Choice]
        let members: [MemberRow]
        let candidates: [Choice]
        let teams: [Choice]
        let affiliations: [Choice]
        let agencies: [Choice]
        let categories: [Choice]
        let conflicts: [ConflictRow]
        let proposalChoices: [Choice]
        let evaluatorChoices: [Choice]
        let entries: Int
        let assessments: Int
        let submitted: Int
        let drafts: Int
        let progressPercent: Int
        let objectionDay: String
        let objectionsUntil: String
        let previousStage: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        return try await render(req, workspace, form: nil, problems: [])
    }

    func render(_ req: Request, _ workspace: StageWorkspace, form: StageRulesForm?, problems: [String], status: HTTPStatus = .ok) async throws -> Response {
        let labels = Labels(req)
        let user = try req.user
        let definition = workspace.definition
        let rules = workspace.rules
        let stage = workspace.stage
        let evaluators = try await User.query(on: req.db).filter(\.$role == .evaluator).filter(\.$isActive == true).sort(\.$name).all()
        let onPanel = Set(workspace.panel.map { $0.$user.id })
        let agencies = try await Agency.query(on: req.db).filter(\.$isActive == true).sort(\.$name).all()
        let agencyNames = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.displayName) })
        let categoryNames = Dictionary(uniqueKeysWithValues: definition.categories.map { ($0.key, $0.name) })
        let members = workspace.panel.map { member in
            let mine = workspace.assessments.filter { $0.$evaluator.id == member.$user.id }
            return MemberRow(id: member.id!, userID: member.$user.id, name: member.user.name, email: member.user.email,
                             team: labels.t("team.\(member.team.rawValue)"),
                             affiliation: labels.t("affiliation.\(member.affiliationKind.rawValue)") + (member.affiliation.isEmpty ? "" : ": \(member.affiliation)"),
                             agency: member.$agency.id.flatMap { agencyNames[$0] } ?? "—",
                             expertise: member.expertise.map { categoryNames[$0] ?? $0 }.joined(separator: ", "),
                             isActive: member.isActive, assigned: mine.count, submitted: mine.filter { $0.status == .submitted }.count)
        }
        let users = Dictionary(uniqueKeysWithValues: workspace.panel.map { ($0.$user.id, $0.user.name) })
        let conflicts = workspace.conflicts.map { conflict in
            ConflictRow(proposal: workspace.entry(proposalID: conflict.$proposal.id)?.proposal.innovation.name ?? "#\(conflict.$proposal.id)",
                        evaluator: users[conflict.$user.id] ?? "#\(conflict.$user.id)", source: labels.t("conflictSource.\(conflict.source.rawValue)"),
                        reason: conflict.reason, recordedBy: conflict.recordedBy)
        }
        let submitted = workspace.assessments.filter { $0.status == .submitted }.count
        let drafts = workspace.assessments.filter { $0.status == .draft }.count
        let defaultDay = WITATime.parts(req.now.addingTimeInterval(5 * 86_400)).day
        let data = StageData(
            competitionID: workspace.competitionID, competition: workspace.competition.name, stageKey: workspace.stageDefinition.key,
            stageName: workspace.stageDefinition.name, path: workspace.path, status: workspace.status.rawValue,
            statusLabel: labels.t("stagePhase.\(workspace.status.rawValue)"), isSetUp: stage != nil, canManage: user.role == .admin,
            inSetup: workspace.status == .setup, isScoring: workspace.status == .scoring, isClosed: workspace.status == .closed,
            isAnnounced: workspace.status == .announced, blind: definition.blindScoring,
            rules: form ?? StageRulesForm(rules, awardTier: stage?.awardTierKey ?? ""),
            rulesSummary: Self.summary(rules, labels, tier: definition.tier(stage?.awardTierKey ?? "")?.name),
            problems: problems,
            bases: ScoreBasis.allCases.map { Choice(value: $0.rawValue, label: labels.t("basis.\($0.rawValue)"), selected: $0 == rules.basis) },
            attributes: StageRulesForm.attributes.map { Choice(value: $0, label: labels.t("quotaAttribute.\($0)"), selected: false) },
            methods: ApportionmentMethod.allCases.map { Choice(value: $0.rawValue, label: labels.t("apportionment.\($0.rawValue)"), selected: false) },
            tiers: definition.awardTiers.map { Choice(value: $0.key, label: $0.name, selected: $0.key == stage?.awardTierKey) },
            members: members,
            candidates: evaluators.filter { !onPanel.contains($0.id!) }.map { Choice(value: String($0.id!), label: "\($0.name) (\($0.email))", selected: false) },
            teams: PanelMember.Team.allCases.map { Choice(value: $0.rawValue, label: labels.t("team.\($0.rawValue)"), selected: false) },
            affiliations: PanelMember.Affiliation.allCases.map { Choice(value: $0.rawValue, label: labels.t("affiliation.\($0.rawValue)"), selected: false) },
            agencies: agencies.map { Choice(value: String($0.id!), label: $0.name, selected: false) },
            categories: definition.categories.map { Choice(value: $0.key, label: $0.name, selected: false) },
            conflicts: conflicts,
            proposalChoices: workspace.entries.map { Choice(value: String($0.$proposal.id), label: $0.proposal.innovation.name, selected: false) },
            evaluatorChoices: workspace.activePanel.map { Choice(value: String($0.$user.id), label: $0.user.name, selected: false) },
            entries: workspace.entries.count, assessments: workspace.assessments.count, submitted: submitted, drafts: drafts,
            progressPercent: workspace.assessments.isEmpty ? 0 : submitted * 100 / workspace.assessments.count,
            objectionDay: defaultDay.description,
            objectionsUntil: stage?.objectionLastDay.map { IndonesianFormat.date($0, language: req.language) } ?? "",
            previousStage: workspace.previousStage?.name)
        return try await req.render("evaluation/stage", title: "\(workspace.stageDefinition.name) · \(workspace.competition.name)", data, status: status)
    }

    /// The rules in sentences, for those who cannot change them.
    static func summary(_ rules: StageRules, _ labels: Labels, tier: String?) -> [String] {
        var lines = [labels.t("rules.k", String(rules.evaluatorsPerProposal)), labels.t("rules.basis", labels.t("basis.\(rules.basis.rawValue)"))]
        switch rules.selection {
        case .top(let n): lines.append(labels.t("rules.top", String(n)))
        case .cutoff(let score): lines.append(labels.t("rules.cutoff", IndonesianFormat.number(score, fractionDigits: 1)))
        }
        for quota in rules.quotas {
            var parts: [String] = []
            if let cap = quota.defaultCap { parts.append(labels.t("rules.capEach", String(cap))) }
            if !quota.caps.isEmpty { parts.append(labels.t("rules.caps", StageRulesForm.pairs(quota.caps))) }
            if !quota.floors.isEmpty { parts.append(labels.t("rules.floors", StageRulesForm.pairs(quota.floors))) }
            lines.append(labels.t("quotaAttribute.\(quota.key)") + ": " + parts.joined(separator: "; "))
        }
        if let proportional = rules.proportional {
            lines.append(labels.t("rules.proportional", labels.t("quotaAttribute.\(proportional.attribute)"), labels.t("apportionment.\(proportional.method.rawValue)")))
        }
        lines.append(labels.t(rules.carryOverWeight == nil ? "rules.reset" : "rules.carryOver",
                              IndonesianFormat.number((rules.carryOverWeight ?? 0) * 100, fractionDigits: 0)))
        lines.append(labels.t("rules.seed", rules.lotterySeed))
        if let tier { lines.append(labels.t("rules.tier", tier)) }
        return lines
    }

    // MARK: Setup

    @Sendable func saveRules(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        guard workspace.status == .setup else { throw Abort(.conflict, reason: req.t("stage.rulesLocked")) }
        let form = StageRulesForm(fields: try req.form([String: String].self))
        let (rules, tier, problems) = form.parse(tiers: workspace.definition.awardTiers)
        guard let rules else {
            return try await render(req, workspace, form: form, problems: problems.map { "\(req.t("stageForm.field.\($0.part.hasPrefix("quota-") ? "quota" : $0.part)")): \($0.message.text(in: req.language))" },
                                    status: .badRequest)
        }
        let user = try req.user
        let stage = try await StageActions(db: req.db, user: user, now: req.now).prepare(workspace)
        stage.rules = rules
        stage.awardTierKey = tier
        try await req.db.transaction { db in
            try await stage.save(on: db)
            try await db.audit(user, "stage.rules", "stage", stage.id, stage.rulesJSON)
        }
        req.flash(.success, req.t("stage.rulesSaved"))
        return req.redirect(to: workspace.path)
    }

    struct MemberForm: Content {
        var userID: Int?
        var team: String?
        var affiliationKind: String?
        var affiliation: String?
        var agencyID: Int?
    }

    @Sendable func addMember(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        guard workspace.status == .setup || workspace.status == .scoring else { throw Abort(.conflict, reason: req.t("stage.panelLocked")) }
        let form = try req.form(MemberForm.self)
        let fields = try req.form([String: String].self)
        guard let userID = form.userID, let account = try await User.find(userID, on: req.db), account.role == .evaluator, account.isActive else {
            throw Abort(.badRequest, reason: req.t("panel.notEvaluator"))
        }
        guard workspace.member(userID: userID) == nil else { throw Abort(.conflict, reason: req.t("panel.already", account.name)) }
        let user = try req.user
        let stage = try await StageActions(db: req.db, user: user, now: req.now).prepare(workspace)
        let member = PanelMember()
        member.$stage.id = try stage.requireID()
        member.$user.id = userID
        member.team = PanelMember.Team(rawValue: form.team ?? "") ?? .timEvaluasi
        member.affiliationKind = PanelMember.Affiliation(rawValue: form.affiliationKind ?? "") ?? .other
        member.affiliation = String((form.affiliation ?? "").trimmingCharacters(in: .whitespaces).prefix(200))
        member.$agency.id = form.agencyID ?? account.$agency.id
        member.expertise = workspace.definition.categories.map(\.key).filter { fields["expertise-\($0)"] == "on" }
        member.isActive = true
        try await req.db.transaction { db in
            try await member.create(on: db)
            try await db.audit(user, "panel.add", "stage", stage.id, "\(account.name): \(member.team.rawValue), \(member.affiliation)")
        }
        req.flash(.success, req.t("panel.added", account.name))
        return req.redirect(to: workspace.path + "#panel")
    }

    /// Takes an evaluator off the panel: their unstarted assessments go back for reassignment;
    /// what they already scored stays.
    @Sendable func removeMember(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        guard let memberID = req.parameters.get("memberID", as: Int.self), let member = workspace.panel.first(where: { $0.id == memberID }) else {
            throw Abort(.notFound)
        }
        let user = try req.user
        try await req.db.transaction { db in
            member.isActive = false
            try await member.save(on: db)
            try await Assessment.query(on: db).filter(\.$stage.$id == member.$stage.id).filter(\.$evaluator.$id == member.$user.id)
                .filter(\.$status == .assigned).delete()
            try await db.audit(user, "panel.remove", "stage", member.$stage.id, member.user.name)
        }
        req.flash(.success, req.t("panel.removed", member.user.name))
        return req.redirect(to: workspace.path + "#panel")
    }

    struct ConflictForm: Content {
        var proposalID: Int?
        var userID: Int?
        var reason: String?
    }

    /// The Biro records a conflict: the evaluator's assessment of that proposal is removed (its
    /// scores are kept in the audit line) and the proposal goes back for reassignment.
    @Sendable func enterConflict(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        guard let stage = workspace.stage, stage.status == .setup || stage.status == .scoring else { throw Abort(.conflict, reason: req.t("stage.panelLocked")) }
        let form = try req.form(ConflictForm.self)
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let proposalID = form.proposalID, let entry = workspace.entry(proposalID: proposalID) else { throw Abort(.badRequest, reason: req.t("conflict.chooseProposal")) }
        guard let userID = form.userID, let member = workspace.member(userID: userID) else { throw Abort(.badRequest, reason: req.t("conflict.chooseEvaluator")) }
        guard !reason.isEmpty else { throw Abort(.badRequest, reason: req.t("conflict.reasonMissing")) }
        let user = try req.user
        try await ConflictRecorder(db: req.db).record(stage: stage, entry: entry, evaluator: member.user, source: .entered, reason: reason, by: user)
        req.flash(.success, req.t("conflict.entered", member.user.name, entry.proposal.innovation.name))
        return req.redirect(to: workspace.path + "#conflicts")
    }

    // MARK: Steps

    @Sendable func open(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        guard let stage = workspace.stage else { throw Abort(.conflict, reason: req.t("stage.notSetUp")) }
        let k = workspace.rules.evaluatorsPerProposal
        let short = workspace.entries.filter { entry in workspace.assessments.filter { $0.$proposal.id == entry.$proposal.id }.count < k }
            .map { $0.proposal.innovation.name }
        if let refusal = StageLifecycle.openRefusal(phase: stage.status, ruleProblems: workspace.rules.problems, entries: workspace.entries.count, short: short) {
            throw Abort(.conflict, reason: refusal.text(in: req.language))
        }
        let user = try req.user
        stage.status = .scoring
        stage.openedAt = req.now
        try await req.db.transaction { db in
            try await stage.save(on: db)
            try await db.audit(user, "stage.open", "stage", stage.id, "\(workspace.assessments.count) assessments")
        }
        req.flash(.success, req.t("stage.opened"))
        return req.redirect(to: workspace.path)
    }

    @Sendable func close(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        guard let stage = workspace.stage else { throw Abort(.conflict, reason: req.t("stage.notSetUp")) }
        let names = Dictionary(uniqueKeysWithValues: workspace.panel.map { ($0.$user.id, $0.user.name) })
        let unsubmitted = workspace.assessments.filter { $0.status != .submitted }.map { assessment in
            "\(workspace.entry(proposalID: assessment.$proposal.id)?.proposal.innovation.name ?? "#\(assessment.$proposal.id)") (\(names[assessment.$evaluator.id] ?? "?"))"
        }
        if let refusal = StageLifecycle.closeRefusal(phase: stage.status, unsubmitted: unsubmitted) {
            throw Abort(.conflict, reason: refusal.text(in: req.language))
        }
        try await StageActions(db: req.db, user: try req.user, now: req.now).close(workspace, stage: stage, result: try await workspace.result(req))
        req.flash(.success, req.t("stage.closed"))
        return req.redirect(to: workspace.path + "/ranking")
    }

    struct AnnounceForm: Content {
        var objectionsUntil: String?
        var isPublic: String?
    }

    @Sendable func announce(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        guard let stage = workspace.stage else { throw Abort(.conflict, reason: req.t("stage.notSetUp")) }
        let form = try req.form(AnnounceForm.self)
        let lastDay = form.objectionsUntil.flatMap(CalendarDate.init(parsing:))
        if let refusal = StageLifecycle.announceRefusal(phase: stage.status, quotaProblems: try await workspace.result(req).quotaProblems.count,
                                                         today: req.today, lastDay: lastDay) {
            throw Abort(stage.status == .closed ? .badRequest : .conflict, reason: refusal.text(in: req.language))
        }
        let user = try req.user
        stage.status = .announced
        stage.announcedAt = req.now
        stage.objectionsUntil = WITATime.instant(lastDay!, hour: 23, minute: 59)
        stage.isPublic = form.isPublic == "on"
        try await req.db.transaction { db in
            try await stage.save(on: db)
            try await db.audit(user, "stage.announce", "stage", stage.id, "objections until \(lastDay!.description); public: \(stage.isPublic)")
        }
        req.flash(.success, req.t("stage.announced", IndonesianFormat.date(lastDay!, language: req.language)))
        return req.redirect(to: workspace.path)
    }

    @Sendable func finalise(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        guard let stage = workspace.stage else { throw Abort(.conflict, reason: req.t("stage.notSetUp")) }
        let unanswered = try await Objection.query(on: req.db).filter(\.$stage.$id == stage.requireID()).filter(\.$answer == nil).count()
        if let refusal = StageLifecycle.finaliseRefusal(phase: stage.status, today: req.today, lastDay: stage.objectionLastDay, unanswered: unanswered) {
            throw Abort(.conflict, reason: refusal.text(in: req.language))
        }
        try await StageActions(db: req.db, user: try req.user, now: req.now).finalise(workspace, stage: stage)
        req.flash(.success, req.t("stage.finalised"))
        return req.redirect(to: workspace.path)
    }
}

/// One way to record a conflict, from the evaluator's declaration or the Biro's entry.
struct ConflictRecorder {
    let db: any Database

    func record(stage: EvaluationStage, entry: StageEntry, evaluator: User, source: EvaluatorConflict.Source, reason: String, by user: User) async throws {
        let conflict = EvaluatorConflict()
        conflict.$stage.id = try stage.requireID()
        conflict.$proposal.id = entry.$proposal.id
        conflict.$user.id = try evaluator.requireID()
        conflict.source = source
        conflict.reason = String(reason.prefix(1000))
        conflict.recordedBy = user.name
        try await db.transaction { tx in
            try await conflict.create(on: tx)
            let removed = try await Assessment.query(on: tx).filter(\.$stage.$id == stage.requireID())
                .filter(\.$proposal.$id == entry.$proposal.id).filter(\.$evaluator.$id == evaluator.requireID()).all()
            for assessment in removed {
                try await assessment.delete(on: tx)
            }
            try await tx.audit(user, "conflict.\(source.rawValue)", "stage", stage.id,
                               "\(evaluator.name) × \(entry.proposal.innovation.name): \(conflict.reason)"
                               + (removed.isEmpty ? "" : "; removed assessment (\(removed[0].status.rawValue)) scores \(removed[0].scoresJSON)"))
        }
    }
}
