import Foundation
import LumbungCore

/// The edition form, both ways: an edition as rows of plain fields for the page (with two empty
/// rows per list to add to), and the submitted fields back into an edition, with every problem
/// named. Field names are flat (`group-0-name`, `section-3-max`), so the form works without
/// JavaScript and a row left empty is simply not kept.
struct EditionForm: Encodable {
    var name = ""
    var year = ""
    var organiser = Organiser.nationalKIPP.rawValue
    var opensDay = ""
    var opensTime = "08:00"
    var closesDay = ""
    var closesTime = "23:59"
    var quotaScope = QuotaScope.wholeRegistry.rawValue
    var requiresVideo = true
    var requiresSDGs = true
    var blindScoring = true
    var source = ""
    var groups: [[String: String]] = []
    var categories: [[String: String]] = []
    var sections: [[String: String]] = []
    var documents: [[String: String]] = []
    var criteria: [[String: String]] = []
    var stages: [[String: String]] = []
    var tiers: [[String: String]] = []

    static let blankRows = 2

    init() {}

    init(_ competition: Competition) {
        let definition = competition.definition
        name = competition.name
        year = String(competition.year)
        organiser = competition.organiser.rawValue
        let opens = WITATime.parts(competition.opensAt), closes = WITATime.parts(competition.closesAt)
        opensDay = opens.day.description
        opensTime = Self.time(opens.hour, opens.minute)
        closesDay = closes.day.description
        closesTime = Self.time(closes.hour, closes.minute)
        quotaScope = definition.quotaScope.rawValue
        requiresVideo = definition.requiresVideo
        requiresSDGs = definition.requiresSDGs
        blindScoring = definition.blindScoring
        source = definition.source
        groups = definition.groups.map { group in
            var row = ["key": group.key, "name": group.name, "age": String(group.minimumAgeYears), "quota": group.quota.map(String.init) ?? "",
                       "documents": group.extraDocuments.joined(separator: ", ")]
            for stage in group.allowedStages { row["stage-\(stage.rawValue)"] = "on" }
            for category in group.allowedCategories { row["category-\(category.rawValue)"] = "on" }
            for rule in group.rules { row["rule-\(rule.rawValue)"] = "on" }
            return row
        }
        categories = definition.categories.map { ["key": $0.key, "name": $0.name] }
        sections = definition.baseSections.map { Self.sectionRow($0, group: "") }
            + definition.groups.flatMap { group in group.extraSections.map { Self.sectionRow($0, group: group.key) } }
        documents = definition.documents.map { ["key": $0.key, "name": $0.name, "all": $0.forAllGroups ? "on" : ""] }
        criteria = definition.criteria.map {
            ["key": $0.key, "name": $0.name, "weight": IndonesianFormat.number($0.weight, fractionDigits: $0.weight.rounded() == $0.weight ? 0 : 1),
             "min": String($0.scaleMin), "max": String($0.scaleMax), "guidance": $0.guidance]
        }
        stages = definition.stages.map {
            ["key": $0.key, "name": $0.name, "starts": $0.starts?.description ?? "", "ends": $0.ends?.description ?? "", "scored": $0.isScored ? "on" : ""]
        }
        tiers = definition.awardTiers.map { ["key": $0.key, "name": $0.name, "finalist": $0.isFinalist ? "on" : "", "top": $0.isTopTier ? "on" : ""] }
    }

    static func sectionRow(_ section: ProposalSection, group: String) -> [String: String] {
        ["group": group, "key": section.key, "title": section.title, "min": String(section.minWords), "max": String(section.maxWords),
         "prefill": section.prefill?.rawValue ?? "", "guidance": section.guidance]
    }

    static func time(_ hour: Int, _ minute: Int) -> String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    // MARK: - Reading the submitted form

    /// The lists' prefixes in the field names, with the columns each row has.
    static let lists: [(prefix: String, columns: [String])] = [
        ("group", ["key", "name", "age", "quota", "documents"]), ("category", ["key", "name"]),
        ("section", ["group", "key", "title", "min", "max", "prefill", "guidance"]), ("document", ["key", "name", "all"]),
        ("criterion", ["key", "name", "weight", "min", "max", "guidance"]), ("stage", ["key", "name", "starts", "ends", "scored"]),
        ("tier", ["key", "name", "finalist", "top"]),
    ]

    init(fields: [String: String]) {
        func value(_ name: String) -> String { (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        name = value("name")
        year = value("year")
        organiser = value("organiser")
        opensDay = value("opensDay")
        opensTime = value("opensTime")
        closesDay = value("closesDay")
        closesTime = value("closesTime")
        quotaScope = value("quotaScope")
        requiresVideo = fields["requiresVideo"] == "on"
        blindScoring = fields["blindScoring"] == "on"
        requiresSDGs = fields["requiresSDGs"] == "on"
        source = value("source")
        func rows(_ prefix: String) -> [[String: String]] {
            let indices = Set(fields.keys.compactMap { key -> Int? in
                let parts = key.split(separator: "-", maxSplits: 2)
                guard parts.count >= 3, parts[0] == prefix, let index = Int(parts[1]), (0..<500).contains(index) else { return nil }
                return index
            }).sorted()
            return indices.compactMap { index in
                var row: [String: String] = [:]
                let start = "\(prefix)-\(index)-"
                for (key, raw) in fields where key.hasPrefix(start) {
                    row[String(key.dropFirst(start.count))] = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                // A row with neither name nor key was left empty: it is not kept.
                let named = !(row["name"] ?? row["title"] ?? "").isEmpty || !(row["key"] ?? "").isEmpty
                return named ? row : nil
            }
        }
        groups = rows("group")
        categories = rows("category")
        sections = rows("section")
        documents = rows("document")
        criteria = rows("criterion")
        stages = rows("stage")
        tiers = rows("tier")
    }

    /// What the form says, as an edition; problems are named by the part of the form.
    struct Parsed {
        let name: String
        let year: Int
        let organiser: Organiser
        let opensAt: Date
        let closesAt: Date
        let definition: EditionDefinition
    }

    func parse() -> (Parsed?, [EditionProblem]) {
        var problems: [EditionProblem] = []
        func number(_ text: String, _ part: String, _ what: String) -> Int? {
            guard !text.isEmpty else { return nil }
            guard let value = Int(text) else {
                problems.append(EditionProblem(part, LocalizedMessage("editionForm.notANumber", what, text)))
                return nil
            }
            return value
        }
        func key(_ row: [String: String], nameColumn: String = "name") -> String {
            let given = row["key"] ?? ""
            return given.isEmpty ? EditionDefinition.key(from: row[nameColumn] ?? "") : given
        }
        if name.isEmpty { problems.append(EditionProblem("name", LocalizedMessage("editionForm.nameRequired"))) }
        let yearValue = Int(year) ?? 0
        if !(2000...2100).contains(yearValue) { problems.append(EditionProblem("year", LocalizedMessage("editionForm.year", year))) }
        let organiserValue = Organiser(rawValue: organiser) ?? .nationalKIPP
        func instant(_ day: String, _ time: String, _ part: String) -> Date? {
            let clock = time.split(separator: ":").compactMap { Int($0) }
            guard let date = CalendarDate(parsing: day), clock.count == 2, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]) else {
                problems.append(EditionProblem("registration", LocalizedMessage("editionForm.when", LocalizedMessage.term("editionForm.\(part)"),
                                                                                 "\(day) \(time)")))
                return nil
            }
            return WITATime.instant(date, hour: clock[0], minute: clock[1])
        }
        let opens = instant(opensDay, opensTime, "opens")
        let closes = instant(closesDay, closesTime, "closes")
        if let opens, let closes, closes <= opens {
            problems.append(EditionProblem("registration", LocalizedMessage("edition.registrationOrder",
                LocalizedMessage.day(WITATime.parts(opens).day), LocalizedMessage.day(WITATime.parts(closes).day))))
        }

        let groupKeys = groups.map { key($0) }
        var extraSections: [String: [ProposalSection]] = [:]
        var baseSections: [ProposalSection] = []
        for row in sections {
            let group = row["group"] ?? ""
            let title = row["title"] ?? ""
            let section = ProposalSection(key: key(row, nameColumn: "title"), title: title,
                                          maxWords: number(row["max"] ?? "", "sections", title) ?? 0,
                                          minWords: number(row["min"] ?? "", "sections", title) ?? 0,
                                          guidance: row["guidance"] ?? "", prefill: ProfileField(rawValue: row["prefill"] ?? ""))
            if group.isEmpty {
                baseSections.append(section)
            } else if groupKeys.contains(group) {
                extraSections[group, default: []].append(section)
            } else {
                problems.append(EditionProblem("sections", LocalizedMessage("editionForm.sectionGroup", title, group)))
            }
        }
        var definition = EditionDefinition(
            groups: groups.map { row in
                EntryGroup(key: key(row), name: row["name"] ?? "", minimumAgeYears: number(row["age"] ?? "", "groups", row["name"] ?? "") ?? 0,
                           allowedCategories: InnovationCategory.allCases.filter { row["category-\($0.rawValue)"] == "on" },
                           allowedStages: Stage.allCases.filter { row["stage-\($0.rawValue)"] == "on" },
                           rules: EligibilityRule.allCases.filter { row["rule-\($0.rawValue)"] == "on" },
                           extraSections: extraSections[key(row)] ?? [],
                           extraDocuments: (row["documents"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                           quota: number(row["quota"] ?? "", "groups", row["name"] ?? ""))
            },
            categories: categories.map { CompetitionCategory(key: key($0), name: $0["name"] ?? "") },
            baseSections: baseSections,
            documents: documents.map { RequiredDocument(key: key($0), name: $0["name"] ?? "", forAllGroups: $0["all"] == "on") },
            requiresVideo: requiresVideo, requiresSDGs: requiresSDGs,
            quotaScope: QuotaScope(rawValue: quotaScope) ?? .wholeRegistry,
            criteria: criteria.map { row in
                let weightText = (row["weight"] ?? "").replacingOccurrences(of: ",", with: ".")
                let weight = Double(weightText)
                if weight == nil { problems.append(EditionProblem("criteria", LocalizedMessage("editionForm.notANumber", row["name"] ?? "", row["weight"] ?? ""))) }
                return Criterion(key: key(row), name: row["name"] ?? "", weight: weight ?? 0,
                                 scaleMin: number(row["min"] ?? "", "criteria", row["name"] ?? "") ?? 1,
                                 scaleMax: number(row["max"] ?? "", "criteria", row["name"] ?? "") ?? 10, guidance: row["guidance"] ?? "")
            },
            stages: stages.map { row in
                func day(_ text: String?) -> CalendarDate? {
                    guard let text, !text.isEmpty else { return nil }
                    guard let date = CalendarDate(parsing: text) else {
                        problems.append(EditionProblem("stages", LocalizedMessage("editionForm.stageDay", row["name"] ?? "", text)))
                        return nil
                    }
                    return date
                }
                return SelectionStage(key: key(row), name: row["name"] ?? "", starts: day(row["starts"]), ends: day(row["ends"]),
                                      isScored: row["scored"] == "on")
            },
            awardTiers: tiers.map { AwardTier(key: key($0), name: $0["name"] ?? "", isFinalist: $0["finalist"] == "on", isTopTier: $0["top"] == "on") },
            source: source)
        definition.blindScoring = blindScoring
        problems += definition.problems
        guard problems.isEmpty, let opens, let closes else { return (nil, problems) }
        return (Parsed(name: name, year: yearValue, organiser: organiserValue, opensAt: opens, closesAt: closes, definition: definition), problems)
    }
}
