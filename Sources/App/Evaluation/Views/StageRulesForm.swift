import Foundation
import LumbungCore

/// The stage rules form, both ways: rules as plain fields, and fields back into rules with
/// every problem named by its field. Quotas are written as "key=2, other=3".
struct StageRulesForm: Encodable {
    var k = "3"
    var basis = ScoreBasis.rawMean.rawValue
    var lambda = "2"
    var selectionKind = "top"
    var top = "10"
    var cutoff = ""
    var cutoffTies = CutoffTies.applyKey.rawValue
    var seed = ""
    var carryOver = ""
    var criterionShare = "40"
    var totalRange = "20"
    var awardTier = ""
    var proportional = ""
    var proportionalMethod = ApportionmentMethod.hamilton.rawValue
    /// Two rows of quotas: attribute, default cap, caps per value, floors per value.
    var quotas: [[String: String]] = []

    static let attributes = ["kategori", "kelompok", "instansi"]

    init(_ rules: StageRules, awardTier: String) {
        k = String(rules.evaluatorsPerProposal)
        basis = rules.basis.rawValue
        lambda = Self.decimal(rules.lambda)
        switch rules.selection {
        case .top(let n): selectionKind = "top"; top = String(n)
        case .cutoff(let score): selectionKind = "cutoff"; cutoff = Self.decimal(score)
        }
        cutoffTies = rules.cutoffTies.rawValue
        seed = rules.lotterySeed
        carryOver = rules.carryOverWeight.map(Self.decimal) ?? ""
        criterionShare = Self.decimal(rules.criterionRangeShare * 100)
        totalRange = Self.decimal(rules.totalRange)
        self.awardTier = awardTier
        proportional = rules.proportional?.attribute ?? ""
        proportionalMethod = rules.proportional?.method.rawValue ?? ApportionmentMethod.hamilton.rawValue
        quotas = rules.quotas.map { quota in
            ["attribute": quota.key, "cap": quota.defaultCap.map(String.init) ?? "", "caps": Self.pairs(quota.caps), "floors": Self.pairs(quota.floors)]
        }
        while quotas.count < 2 { quotas.append([:]) }
        numberQuotaRows()
    }

    /// Each row knows its place, for its field names and its legend.
    private mutating func numberQuotaRows() {
        for index in quotas.indices {
            quotas[index]["index"] = String(index)
            quotas[index]["number"] = String(index + 1)
        }
    }

    init(fields: [String: String]) {
        k = fields["k"] ?? ""
        basis = fields["basis"] ?? ""
        lambda = fields["lambda"] ?? ""
        selectionKind = fields["selectionKind"] ?? "top"
        top = fields["top"] ?? ""
        cutoff = fields["cutoff"] ?? ""
        cutoffTies = fields["cutoffTies"] ?? ""
        seed = fields["seed"] ?? ""
        carryOver = fields["carryOver"] ?? ""
        criterionShare = fields["criterionShare"] ?? ""
        totalRange = fields["totalRange"] ?? ""
        awardTier = fields["awardTier"] ?? ""
        proportional = fields["proportional"] ?? ""
        proportionalMethod = fields["proportionalMethod"] ?? ""
        quotas = (0..<2).map { index in
            ["attribute": fields["quota-\(index)-attribute"] ?? "", "cap": fields["quota-\(index)-cap"] ?? "",
             "caps": fields["quota-\(index)-caps"] ?? "", "floors": fields["quota-\(index)-floors"] ?? ""]
        }
        numberQuotaRows()
    }

    /// The rules, or every problem with the field it is in.
    func parse(tiers: [AwardTier]) -> (rules: StageRules?, awardTier: String, problems: [EditionProblem]) {
        var problems: [EditionProblem] = []
        func integer(_ text: String, _ field: String) -> Int? {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                problems.append(EditionProblem(field, LocalizedMessage("stageForm.notWhole", text))); return nil
            }
            return value
        }
        func number(_ text: String, _ field: String) -> Double? {
            guard let value = Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                problems.append(EditionProblem(field, LocalizedMessage("stageForm.notNumber", text))); return nil
            }
            return value
        }
        func counts(_ text: String, _ field: String) -> [String: Int] {
            var result: [String: Int] = [:]
            for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pieces.count == 2, !pieces[0].isEmpty, let value = Int(pieces[1]), value >= 0 else {
                    problems.append(EditionProblem(field, LocalizedMessage("stageForm.badPair", part))); continue
                }
                result[pieces[0]] = value
            }
            return result
        }
        var rules = StageRules()
        rules.evaluatorsPerProposal = integer(k, "k") ?? 3
        if let value = ScoreBasis(rawValue: basis) { rules.basis = value } else { problems.append(EditionProblem("basis", LocalizedMessage("stageForm.unknown", basis))) }
        rules.lambda = number(lambda, "lambda") ?? 2
        if selectionKind == "cutoff" {
            rules.selection = .cutoff(number(cutoff, "cutoff") ?? 0)
        } else {
            rules.selection = .top(integer(top, "top") ?? 0)
        }
        rules.cutoffTies = CutoffTies(rawValue: cutoffTies) ?? .applyKey
        rules.lotterySeed = seed.trimmingCharacters(in: .whitespaces)
        rules.carryOverWeight = carryOver.trimmingCharacters(in: .whitespaces).isEmpty ? nil : number(carryOver, "carryOver")
        rules.criterionRangeShare = (number(criterionShare, "criterionShare") ?? 40) / 100
        rules.totalRange = number(totalRange, "totalRange") ?? 20
        if !proportional.isEmpty {
            if Self.attributes.contains(proportional) {
                rules.proportional = ProportionalSeats(attribute: proportional, method: ApportionmentMethod(rawValue: proportionalMethod) ?? .hamilton)
            } else {
                problems.append(EditionProblem("proportional", LocalizedMessage("stageForm.unknown", proportional)))
            }
        }
        for (index, row) in quotas.enumerated() {
            let attribute = row["attribute"] ?? ""
            guard !attribute.isEmpty else { continue }
            guard Self.attributes.contains(attribute) else {
                problems.append(EditionProblem("quota-\(index)-attribute", LocalizedMessage("stageForm.unknown", attribute))); continue
            }
            let capText = (row["cap"] ?? "").trimmingCharacters(in: .whitespaces)
            rules.quotas.append(QuotaAttribute(key: attribute, caps: counts(row["caps"] ?? "", "quota-\(index)-caps"),
                                               floors: counts(row["floors"] ?? "", "quota-\(index)-floors"),
                                               defaultCap: capText.isEmpty ? nil : integer(capText, "quota-\(index)-cap")))
        }
        if !awardTier.isEmpty && !tiers.contains(where: { $0.key == awardTier }) {
            problems.append(EditionProblem("awardTier", LocalizedMessage("stageForm.unknown", awardTier)))
        }
        problems += rules.problems
        return (problems.isEmpty ? rules : nil, awardTier, problems)
    }

    static func decimal(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.2f", value)
    }

    static func pairs(_ values: [String: Int]) -> String {
        values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}
