/// A problem with an edition's rules, naming the part of the form it is in.
public struct EditionProblem: Equatable, Sendable {
    /// e.g. `groups`, `sections`, `criteria`, `registration`.
    public let part: String
    public let message: LocalizedMessage

    public init(_ part: String, _ message: LocalizedMessage) {
        self.part = part
        self.message = message
    }
}

extension EditionDefinition {
    /// Everything that would make the edition unusable, all at once.
    public var problems: [EditionProblem] {
        var problems: [EditionProblem] = []
        func keys(_ part: String, _ items: [(key: String, name: String)]) {
            var seen = Set<String>()
            for item in items {
                if item.name.trimmingWhitespace().isEmpty { problems.append(EditionProblem(part, LocalizedMessage("edition.nameMissing", item.key))) }
                if !EditionDefinition.isKey(item.key) {
                    problems.append(EditionProblem(part, LocalizedMessage("edition.badKey", item.key)))
                } else if !seen.insert(item.key).inserted {
                    problems.append(EditionProblem(part, LocalizedMessage("edition.duplicateKey", item.key)))
                }
            }
        }
        if groups.isEmpty { problems.append(EditionProblem("groups", LocalizedMessage("edition.noGroups"))) }
        if categories.isEmpty { problems.append(EditionProblem("categories", LocalizedMessage("edition.noCategories"))) }
        if baseSections.isEmpty { problems.append(EditionProblem("sections", LocalizedMessage("edition.noSections"))) }
        keys("groups", groups.map { ($0.key, $0.name) })
        keys("categories", categories.map { ($0.key, $0.name) })
        keys("sections", (baseSections + groups.flatMap(\.extraSections)).map { ($0.key, $0.title) })
        keys("documents", documents.map { ($0.key, $0.name) })
        keys("criteria", criteria.map { ($0.key, $0.name) })
        keys("stages", stages.map { ($0.key, $0.name) })
        keys("tiers", awardTiers.map { ($0.key, $0.name) })
        for section in baseSections + groups.flatMap(\.extraSections) {
            if section.maxWords < 1 || section.minWords < 0 || section.minWords > section.maxWords {
                problems.append(EditionProblem("sections", LocalizedMessage("edition.wordLimits", section.title,
                                                                             String(section.minWords), String(section.maxWords))))
            }
        }
        for group in groups {
            if group.minimumAgeYears < 0 || group.minimumAgeYears > 20 {
                problems.append(EditionProblem("groups", LocalizedMessage("edition.age", group.name, String(group.minimumAgeYears))))
            }
            if let quota = group.quota, quota < 1 {
                problems.append(EditionProblem("groups", LocalizedMessage("edition.quotaInvalid", group.name, String(quota))))
            }
            let known = Set(documents.map(\.key))
            for key in group.extraDocuments where !known.contains(key) {
                problems.append(EditionProblem("groups", LocalizedMessage("edition.unknownDocument", group.name, key)))
            }
        }
        if !criteria.isEmpty {
            let total = criteria.reduce(0) { $0 + $1.weight }
            if abs(total - 100) > 0.001 {
                problems.append(EditionProblem("criteria", LocalizedMessage("edition.weights", IndonesianFormat.number(total, fractionDigits: 1))))
            }
            for criterion in criteria where criterion.scaleMin >= criterion.scaleMax || criterion.weight <= 0 {
                problems.append(EditionProblem("criteria", LocalizedMessage("edition.scale", criterion.name,
                                                                             String(criterion.scaleMin), String(criterion.scaleMax))))
            }
        }
        for stage in stages {
            if let starts = stage.starts, let ends = stage.ends, ends < starts {
                problems.append(EditionProblem("stages", LocalizedMessage("edition.stageDates", stage.name,
                                                                           LocalizedMessage.day(starts), LocalizedMessage.day(ends))))
            }
        }
        return problems
    }

    /// A key is what forms and exports use to refer to a part: lower-case letters, digits and
    /// hyphens, 1 to 40 of them ("umum", "latar-belakang").
    public static func isKey(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 40 && text.allSatisfy { ($0.isLetter && $0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }
    }

    /// A key made from a name: "Latar Belakang dan Tujuan" → "latar-belakang-dan-tujuan".
    public static func key(from name: String) -> String {
        var result = ""
        for character in TextFolding.fold(name) {
            if (character.isLetter && character.isASCII) || character.isNumber { result.append(character) }
            else if !result.isEmpty && result.last != "-" { result.append("-") }
        }
        while result.last == "-" { result.removeLast() }
        return String(result.prefix(40))
    }
}
