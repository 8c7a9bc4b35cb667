import Fluent
import LumbungCore
import Vapor

/// The Indeks Inovasi Daerah: each year's form, the index with its full breakdown, the answers
/// per innovation with their evidence, and their validation by the Biro or Bappeda.
struct IndexController {
    struct YearRow: Encodable {
        let year: Int
        let name: String
        let index: String
        let className: String
        let reported: String
        let href: String
    }

    struct InnovationRow: Encodable {
        let id: Int
        let name: String
        let agency: String
        let points: String
        let scored: Bool
        let note: String
        let validated: String
        let href: String
    }

    struct LevelOption: Encodable {
        let value: Int
        let selected: Bool
    }

    struct AnswerRow: Encodable {
        let key: String
        let number: Int
        let name: String
        let evidenceHint: String
        let isMandatory: Bool
        let levels: [LevelOption]
        let evidenceOptions: [Choice]
        let answerID: Int?
        let validation: String?
        let validationLabel: String?
        let comment: String
        let validatedBy: String?
        let evidenceMissing: Bool
    }

    // MARK: Pages

    @Sendable func index(req: Request) async throws -> Response {
        let user = try req.user
        let records = try await IndicatorSetRecord.query(on: req.db).sort(\.$year, .descending).all()
        var rows: [YearRow] = []
        for record in records {
            let year = try await IndexYear.load(record, on: req.db, today: req.today)
            let result = year.result
            rows.append(YearRow(year: record.year, name: year.set.name, index: IndexNumber.text(result.index), className: result.indexClass.name,
                                reported: Labels(req).number(year.innovations.count), href: "/index/\(record.year)"))
        }
        var own: [Choice] = []
        if case .agency(let agencyID) = RegistryScope(user) {
            own = try await Innovation.query(on: req.db).filter(\.$agency.$id == agencyID).filter(\.$status == .verified).sort(\.$name).all()
                .map { Choice(value: String($0.id!), label: $0.name, selected: false) }
        }
        struct Data: Encodable { let years: [YearRow]; let isOverseer: Bool; let canManage: Bool; let own: [Choice] }
        return try await req.render("index/list", title: req.t("index.title"),
                                    Data(years: rows, isOverseer: user.role != .operator, canManage: user.role == .admin, own: own))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let year = try await req.indexYear()
        let labels = Labels(req)
        let result = year.result
        let set = year.set
        let validated = Dictionary(grouping: year.answers.filter { $0.validation == .validated }, by: { $0.innovationID ?? 0 }).mapValues(\.count)
        let answered = Dictionary(grouping: year.answers, by: { $0.innovationID ?? 0 }).mapValues(\.count)
        let rows = result.innovations.map { score -> InnovationRow in
            let id = Int(score.id)
            let innovation = year.innovations[id]
            var note: [String] = []
            if !score.isScored { note.append(req.t("index.needsDevelopment")) }
            if !score.missingMandatory.isEmpty { note.append(req.t("index.missingMandatory", score.missingMandatory.joined(separator: ", "))) }
            return InnovationRow(id: id, name: score.name, agency: innovation?.agency.name ?? "", points: IndexNumber.text(score.points), scored: score.isScored,
                                 note: note.joined(separator: " "), validated: "\(labels.number(validated[id] ?? 0))/\(labels.number(answered[id] ?? 0))",
                                 href: "/index/\(set.year)/innovations/\(id)")
        }
        let reportable = try await Innovation.query(on: req.db).filter(\.$status == .verified).sort(\.$name).with(\.$agency).all()
            .filter { year.innovations[$0.id!] == nil }.map { Choice(value: String($0.id!), label: "\($0.name) — \($0.agency.displayName)", selected: false) }
        let regionAnswers = year.answers(for: nil)
        let region = set.regionIndicators.map { indicator in
            Self.answerRow(indicator, regionAnswers[indicator.key], evidence: [], labels: labels, region: true)
        }
        struct Data: Encodable {
            let year: Int; let name: String; let source: String; let breakdown: [LabelledValue]; let index: String; let className: String
            let classes: [LabelledValue]; let innovations: [InnovationRow]; let reportable: [Choice]; let region: [AnswerRow]; let canManage: Bool
            let problems: [String]
        }
        let data = Data(year: set.year, name: set.name, source: set.source, breakdown: Self.breakdown(result, set, labels), index: IndexNumber.text(result.index),
                        className: result.indexClass.name, classes: Self.classLines(set), innovations: rows, reportable: reportable, region: region,
                        canManage: try req.user.role == .admin, problems: set.problems().map { $0.message.text(in: req.language) })
        return try await req.render("index/year", title: set.name, data)
    }

    static func breakdown(_ result: IndexResult, _ set: IndicatorSet, _ labels: Labels) -> [LabelledValue] {
        let n = IndexNumber.text
        var lines = [
            LabelledValue(label: labels.t("index.regionPoints"), value: "\(n(result.regionPoints)) / \(n(set.regionMaximum))"),
            LabelledValue(label: labels.t("index.innovationPoints"), value: n(result.innovationPoints)),
            LabelledValue(label: labels.t("index.scoredCount"), value: labels.number(result.scoredCount)),
            LabelledValue(label: labels.t("index.divisor", String(set.divisorFloor)), value: labels.number(result.divisor)),
            LabelledValue(label: labels.t("index.average"), value: "\(n(result.innovationAverage)) / \(n(set.innovationMaximum))"),
            LabelledValue(label: labels.t("index.basicServices"), value: "\(result.basicServicesCovered.count) / 6: " + result.basicServicesCovered.map { labels.affair($0) }.joined(separator: ", ")),
            LabelledValue(label: labels.t("index.countPoints"), value: result.countApplies
                 ? "\(n(result.countPoints)) (\(n(set.countRule.pointsPerInnovation)) × min(\(result.scoredCount), \(set.countRule.cap)))"
                 : labels.t("index.countNotApplied", String(set.countRule.requiredBasicServices ?? 0))),
            LabelledValue(label: labels.t("index.total"), value: "\(n(result.total)) / \(n(result.maximumTotal))"),
            LabelledValue(label: labels.t("index.value"), value: "\(n(result.index)) — \(result.indexClass.name)"),
        ]
        if !result.missingMandatoryRegion.isEmpty {
            lines.append(LabelledValue(label: labels.t("index.missingMandatoryRegion"), value: result.missingMandatoryRegion.joined(separator: ", ")))
        }
        return lines
    }

    static func classLines(_ set: IndicatorSet) -> [LabelledValue] {
        set.classes.map { LabelledValue(label: $0.name, value: ($0.inclusive ? "≥ " : "> ") + IndexNumber.text($0.above)) }
    }

    static func answerRow(_ indicator: IndexIndicator, _ answer: IndexAnswer?, evidence: [Evidence], labels: Labels, region: Bool) -> AnswerRow {
        let level = answer?.level ?? 0
        return AnswerRow(
            key: indicator.key, number: indicator.number, name: indicator.name, evidenceHint: indicator.evidence, isMandatory: indicator.isMandatory,
            levels: (0...indicator.levels).map { LevelOption(value: $0, selected: $0 == level) },
            evidenceOptions: evidence.map { Choice(value: String($0.id!), label: $0.label(labels), selected: $0.id == answer?.evidenceID) },
            answerID: answer?.id, validation: answer?.validation.rawValue, validationLabel: answer.map { labels.t("validation.\($0.validation.rawValue)") },
            comment: answer?.comment ?? "", validatedBy: answer?.validatedByName,
            evidenceMissing: !region && level > 0 && answer?.evidenceID.flatMap { id in evidence.first { $0.id == id } } == nil)
    }

    // MARK: Answers per innovation

    @Sendable func innovation(req: Request) async throws -> Response {
        let year = try await req.indexYear()
        let innovation = try await req.innovationFromPath()
        let labels = Labels(req)
        let id = try innovation.requireID()
        let evidence = try await Evidence.query(on: req.db).filter(\.$innovation.$id == id).filter(\.$isActive == true).sort(\.$id).all()
        let answers = year.answers(for: id)
        let user = try req.user
        let rows = year.set.innovationIndicators.map { Self.answerRow($0, answers[$0.key], evidence: evidence, labels: labels, region: false) }
        let needsDevelopment = year.needsDevelopment(innovation, developed: evidence.contains { $0.type == .development })
        struct Data: Encodable {
            let year: Int; let setName: String; let id: Int; let name: String; let agency: String; let rows: [AnswerRow]
            let canAnswer: Bool; let canValidate: Bool; let hasEvidence: Bool; let evidenceHref: String; let needsDevelopment: Bool
            let isReported: Bool; let isVerified: Bool; let validations: [Choice]
        }
        let data = Data(year: year.set.year, setName: year.set.name, id: id, name: innovation.name, agency: innovation.agency.name, rows: rows,
                        canAnswer: try EvidenceController.mayChange(innovation, req: req) && innovation.status == .verified,
                        canValidate: user.role == .admin || user.role == .viewer, hasEvidence: !evidence.isEmpty,
                        evidenceHref: "/innovations/\(id)#evidence", needsDevelopment: needsDevelopment,
                        isReported: year.innovations[id] != nil, isVerified: innovation.status == .verified,
                        validations: [IndexAnswer.Validation.validated, .rejected].map { Choice(value: $0.rawValue, label: labels.t("validation.\($0.rawValue)"), selected: false) })
        return try await req.render("index/innovation", title: "\(year.set.name) — \(innovation.name)", data)
    }

    /// Saves every level and its evidence; a changed answer goes back to waiting for validation.
    @Sendable func saveInnovation(req: Request) async throws -> Response {
        let year = try await req.indexYear()
        let innovation = try await req.innovationFromPath()
        guard try EvidenceController.mayChange(innovation, req: req) else { throw Abort(.forbidden) }
        let id = try innovation.requireID()
        guard innovation.status == .verified else { throw Abort(.conflict, reason: req.t("index.onlyVerified")) }
        let evidence = Set(try await Evidence.query(on: req.db).filter(\.$innovation.$id == id).filter(\.$isActive == true).all().compactMap(\.id))
        let changes = try parse(req, indicators: year.set.innovationIndicators, evidence: evidence)
        try await save(req, year: year, innovationID: id, changes: changes, what: innovation.name)
        req.flash(.success, req.t("index.saved", innovation.name))
        return req.redirect(to: "/index/\(year.set.year)/innovations/\(id)")
    }

    @Sendable func saveRegion(req: Request) async throws -> Response {
        let year = try await req.indexYear()
        let changes = try parse(req, indicators: year.set.regionIndicators, evidence: [])
        try await save(req, year: year, innovationID: nil, changes: changes, what: "SPD")
        req.flash(.success, req.t("index.saved", "SPD"))
        return req.redirect(to: "/index/\(year.set.year)#region")
    }

    /// Reads `level-<key>` and `evidence-<key>`; a level outside the indicator's range or
    /// evidence that is not the innovation's is refused, naming the indicator.
    private func parse(_ req: Request, indicators: [IndexIndicator], evidence: Set<Int>) throws -> [(IndexIndicator, Int, Int?)] {
        var changes: [(IndexIndicator, Int, Int?)] = []
        for indicator in indicators {
            guard let text = try? req.content.get(String.self, at: "level-\(indicator.key)") else { continue }
            guard let level = Int(text.trimmingCharacters(in: .whitespaces)), (0...indicator.levels).contains(level) else {
                throw Abort(.badRequest, reason: LocalizedMessage("index.answer.level", indicator.name, text, String(indicator.levels)).text(in: req.language))
            }
            let chosen = (try? req.content.get(String.self, at: "evidence-\(indicator.key)")).flatMap { Int($0) }
            if let chosen, !evidence.contains(chosen) {
                throw Abort(.badRequest, reason: req.t("index.evidenceUnknown", indicator.name))
            }
            changes.append((indicator, level, chosen))
        }
        return changes
    }

    private func save(_ req: Request, year: IndexYear, innovationID: Int?, changes: [(IndexIndicator, Int, Int?)], what: String) async throws {
        let user = try req.user
        let existing = year.answers(for: innovationID)
        try await req.db.transaction { db in
            var changed = 0
            for (indicator, level, evidenceID) in changes {
                let answer = existing[indicator.key] ?? IndexAnswer()
                if answer.id != nil && answer.level == level && answer.evidenceID == evidenceID { continue }
                if answer.id == nil && level == 0 && evidenceID == nil && innovationID == nil { continue }
                answer.year = year.set.year
                answer.innovationID = innovationID
                answer.indicatorKey = indicator.key
                answer.level = level
                answer.evidenceID = evidenceID
                answer.validation = .pending
                if answer.id == nil { answer.comment = "" }
                answer.answeredByName = user.name
                answer.validatedByName = nil
                try await answer.save(on: db)
                changed += 1
            }
            try await db.audit(user, "index.answer", "index", year.record.id, "\(year.set.name) — \(what): \(changed) answers")
        }
    }

    @Sendable func validate(req: Request) async throws -> Response {
        struct Form: Content { var decision: String?; var comment: String? }
        let year = try await req.indexYear()
        guard let answerID = req.parameters.get("answerID", as: Int.self), let answer = year.answers.first(where: { $0.id == answerID }) else {
            throw Abort(.notFound)
        }
        let form = try req.form(Form.self)
        guard let decision = IndexAnswer.Validation(rawValue: form.decision ?? ""), decision != .pending else {
            throw Abort(.badRequest, reason: req.t("index.decisionMissing"))
        }
        let comment = (form.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .rejected && comment.isEmpty { throw Abort(.badRequest, reason: req.t("index.rejectNeedsComment")) }
        let user = try req.user
        answer.validation = decision
        answer.comment = String(comment.prefix(1000))
        answer.validatedByName = user.name
        try await req.db.transaction { db in
            try await answer.save(on: db)
            try await db.audit(user, "index.\(decision.rawValue)", "index", year.record.id, "\(answer.indicatorKey) (#\(answerID)): \(comment)")
        }
        let name = year.set.indicator(answer.indicatorKey)?.name ?? answer.indicatorKey
        req.flash(.success, req.t("index.validationSaved", name, req.t("validation.\(decision.rawValue)")))
        let back = answer.innovationID.map { "/index/\(year.set.year)/innovations/\($0)#indicator-\(answer.indicatorKey)" } ?? "/index/\(year.set.year)#region"
        return req.redirect(to: back)
    }
}
