import LumbungCore
import Vapor

/// The edition form's page: every list as rows (with empty ones to add to), and the choices.
struct EditionFormPage: Encodable {
    struct Check: Encodable {
        let name: String
        let label: String
        let checked: Bool
    }

    struct Row: Encodable {
        let index: Int
        let values: [String: String]
        let checks: [Check]
        let choices: [Choice]
        let moreChoices: [Choice]
    }

    let action: String
    let heading: String
    let isNew: Bool
    let problems: [String]
    let form: EditionForm
    let organisers: [Choice]
    let scopes: [Choice]
    let groups: [Row]
    let categories: [Row]
    let sections: [Row]
    let documents: [Row]
    let criteria: [Row]
    let stages: [Row]
    let tiers: [Row]

    init(form: EditionForm, action: String, heading: String, isNew: Bool, problems: [EditionProblem], labels: Labels) {
        self.action = action
        self.heading = heading
        self.isNew = isNew
        self.problems = problems.map { labels.t("editionForm.part.\($0.part)") + ": " + $0.message.text(in: labels.language) }
        self.form = form
        organisers = Organiser.allCases.map { Choice(value: $0.rawValue, label: labels.t("organiser.\($0.rawValue)"), selected: $0.rawValue == form.organiser) }
        scopes = QuotaScope.allCases.map { Choice(value: $0.rawValue, label: labels.t("quotaScope.\($0.rawValue)"), selected: $0.rawValue == form.quotaScope) }

        func rows(_ existing: [[String: String]], checks: ([String: String]) -> [Check] = { _ in [] },
                  choices: ([String: String]) -> [Choice] = { _ in [] }, moreChoices: ([String: String]) -> [Choice] = { _ in [] }) -> [Row] {
            let all = existing + Array(repeating: [String: String](), count: EditionForm.blankRows)
            return all.enumerated().map { index, values in
                Row(index: index, values: values, checks: checks(values), choices: choices(values), moreChoices: moreChoices(values))
            }
        }
        groups = rows(form.groups, checks: { values in
            Stage.allCases.map { Check(name: "stage-\($0.rawValue)", label: labels.stage($0), checked: values["stage-\($0.rawValue)"] == "on") }
            + InnovationCategory.allCases.map { Check(name: "category-\($0.rawValue)", label: labels.category($0), checked: values["category-\($0.rawValue)"] == "on") }
            + EligibilityRule.allCases.map { Check(name: "rule-\($0.rawValue)", label: labels.t("rule.\($0.rawValue)"), checked: values["rule-\($0.rawValue)"] == "on") }
        })
        categories = rows(form.categories)
        let groupKeys = form.groups.compactMap { $0["key"] }.filter { !$0.isEmpty }
        sections = rows(form.sections, choices: { values in
            [Choice(value: "", label: labels.t("editionForm.allGroups"), selected: (values["group"] ?? "").isEmpty)]
            + groupKeys.map { Choice(value: $0, label: $0, selected: values["group"] == $0) }
        }, moreChoices: { values in
            [Choice(value: "", label: "—", selected: (values["prefill"] ?? "").isEmpty)]
            + [ProfileField.design, .goals, .benefits, .results, .beneficiaries].map {
                Choice(value: $0.rawValue, label: labels.field($0), selected: values["prefill"] == $0.rawValue)
            }
        })
        documents = rows(form.documents)
        criteria = rows(form.criteria)
        stages = rows(form.stages)
        tiers = rows(form.tiers)
    }
}
