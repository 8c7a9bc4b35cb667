import Fluent
import LumbungCore
import Vapor

/// Editing and copying a year's form of the index. Indicators keep their keys (answers refer
/// to them); their names, weights, levels, evidence and whether they are mandatory change.
struct IndicatorSetController {
    struct IndicatorRow: Encodable {
        let key: String
        let number: Int
        let group: String
        let name: String
        let weight: String
        let levels: Int
        let evidence: String
        let isMandatory: Bool
    }

    struct ClassRow: Encodable {
        let position: Int
        let name: String
        let above: String
        let inclusive: Bool
    }

    struct FormData: Encodable {
        let year: Int
        let name: String
        let source: String
        let divisorFloor: String
        let pointsPerInnovation: String
        let cap: String
        let requiredBasicServices: String
        let regionMaximum: String
        let innovationMaximum: String
        let maximumTotal: String
        let developmentAfterYears: String
        let classes: [ClassRow]
        let indicators: [IndicatorRow]
        let problems: [String]
    }

    static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func form(_ set: IndicatorSet, problems: [String]) -> FormData {
        let rows = set.regionIndicators.map { ($0, "SPD") } + set.innovationIndicators.map { ($0, "SID") }
        return FormData(
            year: set.year, name: set.name, source: set.source, divisorFloor: String(set.divisorFloor),
            pointsPerInnovation: plain(set.countRule.pointsPerInnovation), cap: String(set.countRule.cap),
            requiredBasicServices: set.countRule.requiredBasicServices.map(String.init) ?? "", regionMaximum: plain(set.regionMaximum),
            innovationMaximum: plain(set.innovationMaximum), maximumTotal: plain(set.maximumTotal),
            developmentAfterYears: set.developmentAfterYears.map(String.init) ?? "",
            classes: set.classes.enumerated().map { ClassRow(position: $0.offset, name: $0.element.name, above: plain($0.element.above), inclusive: $0.element.inclusive) },
            indicators: rows.map { IndicatorRow(key: $0.0.key, number: $0.0.number, group: $0.1, name: $0.0.name, weight: plain($0.0.weight),
                                                levels: $0.0.levels, evidence: $0.0.evidence, isMandatory: $0.0.isMandatory) },
            problems: problems)
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let year = try await req.indexYear()
        return try await req.render("index/set-form", title: req.t("indexSet.edit", year.set.name), Self.form(year.set, problems: []))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let year = try await req.indexYear()
        var set = year.set
        var problems: [String] = []
        func text(_ name: String) -> String { ((try? req.content.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func number(_ name: String, _ label: String) -> Double? {
            let value = text(name).replacingOccurrences(of: ",", with: ".")
            guard let parsed = Double(value), parsed.isFinite else { problems.append(req.t("indexSet.notNumber", label, text(name))); return nil }
            return parsed
        }
        func whole(_ name: String, _ label: String) -> Int? {
            guard let parsed = Int(text(name)) else { problems.append(req.t("indexSet.notNumber", label, text(name))); return nil }
            return parsed
        }
        let name = text("name")
        if name.isEmpty { problems.append(req.t("indexSet.nameMissing")) } else { set.name = String(name.prefix(200)) }
        set.source = String(text("source").prefix(4000))
        if let value = whole("divisorFloor", req.t("indexSet.divisorFloor")) { set.divisorFloor = value }
        if let value = number("pointsPerInnovation", req.t("indexSet.pointsPerInnovation")) { set.countRule.pointsPerInnovation = value }
        if let value = whole("cap", req.t("indexSet.cap")) { set.countRule.cap = value }
        set.countRule.requiredBasicServices = text("requiredBasicServices").isEmpty ? nil : whole("requiredBasicServices", req.t("indexSet.requiredBasicServices"))
        set.developmentAfterYears = text("developmentAfterYears").isEmpty ? nil : whole("developmentAfterYears", req.t("indexSet.developmentAfterYears"))
        if let value = number("regionMaximum", req.t("indexSet.regionMaximum")) { set.regionMaximum = value }
        if let value = number("innovationMaximum", req.t("indexSet.innovationMaximum")) { set.innovationMaximum = value }
        if let value = number("maximumTotal", req.t("indexSet.maximumTotal")) { set.maximumTotal = value }
        for position in set.classes.indices {
            let label = set.classes[position].name
            let newName = text("class-\(position)-name")
            if !newName.isEmpty { set.classes[position].name = String(newName.prefix(100)) }
            if let value = number("class-\(position)-above", label) { set.classes[position].above = value }
            set.classes[position].inclusive = text("class-\(position)-inclusive") == "on"
        }
        func update(_ indicators: inout [IndexIndicator]) {
            for position in indicators.indices {
                let key = indicators[position].key
                let label = "\(indicators[position].number). \(indicators[position].name)"
                let newName = text("name-\(key)")
                if !newName.isEmpty { indicators[position].name = String(newName.prefix(300)) }
                if let value = number("weight-\(key)", label) { indicators[position].weight = value }
                if let value = whole("levels-\(key)", label) { indicators[position].levels = value }
                indicators[position].evidence = String(text("evidence-\(key)").prefix(500))
                indicators[position].isMandatory = text("mandatory-\(key)") == "on"
            }
        }
        update(&set.regionIndicators)
        update(&set.innovationIndicators)
        problems += set.problems().map { "\(req.t("indexSet.part.\($0.part)")): \($0.message.text(in: req.language))" }
        guard problems.isEmpty else {
            return try await req.render("index/set-form", title: req.t("indexSet.edit", year.set.name), Self.form(set, problems: problems), status: .badRequest)
        }
        let user = try req.user
        let saved = set
        year.record.definition = saved
        try await req.db.transaction { db in
            try await year.record.save(on: db)
            try await db.audit(user, "index.set.edit", "index", year.record.id, saved.name)
        }
        req.flash(.success, req.t("indexSet.saved", set.name))
        return req.redirect(to: "/index/\(set.year)")
    }

    @Sendable func copy(req: Request) async throws -> Response {
        let year = try await req.indexYear()
        let text = ((try? req.content.get(String.self, at: "year")) ?? "").trimmingCharacters(in: .whitespaces)
        guard let target = Int(text), (2000...2100).contains(target) else { throw Abort(.badRequest, reason: req.t("indexSet.yearBad", text)) }
        guard try await IndicatorSetRecord.query(on: req.db).filter(\.$year == target).count() == 0 else {
            throw Abort(.conflict, reason: req.t("indexSet.yearTaken", String(target)))
        }
        var set = year.set
        set.year = target
        set.name = set.name.replacingOccurrences(of: String(year.set.year), with: String(target))
        if !set.name.contains(String(target)) { set.name += " \(target)" }
        set.source = req.t("indexSet.copiedFrom", year.set.name) + " " + set.source
        let record = IndicatorSetRecord(set)
        let user = try req.user
        let summary = "\(year.set.name) → \(set.name)"
        try await req.db.transaction { db in
            try await record.create(on: db)
            try await db.audit(user, "index.set.copy", "index", record.id, summary)
        }
        req.flash(.success, req.t("indexSet.copied", set.name))
        return req.redirect(to: "/index/\(target)/edit")
    }
}
