import Fluent
import LumbungCore
import Vapor

/// Everything the innovation form shows: the typed values, the choices, and the problems.
struct InnovationFormView: Encodable {
    struct AffairGroup: Encodable {
        let label: String
        let options: [Choice]
    }

    let action: String
    let isNew: Bool
    let cancelHref: String
    let input: InnovationFormInput
    let agencies: [Choice]
    let showsAgency: Bool
    let categories: [Choice]
    let deliveryModes: [Choice]
    let stages: [Choice]
    let initiators: [Choice]
    let mainAffairGroups: [AffairGroup]
    let otherAffairs: [Choice]
    let sdgs: [Choice]
    /// Field name → message, shown beside each field.
    let errors: [String: String]
    /// Every message with its field label, listed at the top.
    let errorList: [String]
    let designWords: Int
    let minimumDesignWords: Int
    let comments: [CommentView]
    let hasErrors: Bool
    let hasComments: Bool
    let hasOtherAffairs: Bool
    let hasSDGs: Bool

    static func make(req: Request, action: String, isNew: Bool, cancelHref: String, input: InnovationFormInput,
                     agencyID: Int?, errors: [FieldError], comments: [String: String]) async throws -> InnovationFormView {
        let labels = Labels(req)
        let user = try req.user
        var agencyOptions: [Choice] = []
        if user.role == .admin {
            let agencies = try await Agency.query(on: req.db).filter(\.$isActive == true).sort(\.$name).all()
            agencyOptions = try agencies.map {
                Choice(value: String(try $0.requireID()), label: $0.name, selected: $0.id == agencyID)
            }
        }
        func options<E: CaseIterable & RawRepresentable>(_ type: E.Type, selected: String?, label: (E) -> String) -> [Choice]
        where E.RawValue == String {
            type.allCases.map { Choice(value: $0.rawValue, label: label($0), selected: $0.rawValue == selected) }
        }
        let chosenOthers = Set(input.otherAffairs ?? [])
        let chosenGoals = Set(input.sdgs ?? [])
        let groups = GovernmentAffair.Group.allCases.map { group in
            AffairGroup(label: labels.t("affairGroup.\(group.rawValue)"),
                        options: GovernmentAffair.all.filter { $0.group == group }.map {
                            Choice(value: $0.code, label: $0.name, selected: $0.code == input.mainAffair)
                        })
        }
        var errorsByField: [String: String] = [:]
        for error in errors {
            let text = error.message.text(in: req.language)
            errorsByField[error.field.rawValue] = errorsByField[error.field.rawValue].map { $0 + " " + text } ?? text
        }
        return InnovationFormView(
            action: action, isNew: isNew, cancelHref: cancelHref, input: input,
            agencies: agencyOptions, showsAgency: user.role == .admin,
            categories: options(InnovationCategory.self, selected: input.category, label: labels.category),
            deliveryModes: options(DeliveryMode.self, selected: input.deliveryMode, label: labels.deliveryMode),
            stages: options(Stage.self, selected: input.stage, label: labels.stage),
            initiators: options(Initiator.self, selected: input.initiator, label: labels.initiator),
            mainAffairGroups: groups,
            otherAffairs: GovernmentAffair.all.map { Choice(value: $0.code, label: $0.name, selected: chosenOthers.contains($0.code)) },
            sdgs: SustainableDevelopmentGoal.range.map { Choice(value: String($0), label: labels.sdg($0), selected: chosenGoals.contains(String($0))) },
            errors: errorsByField,
            errorList: errors.map { $0.text(in: req.language) },
            designWords: WordCounter.count(input.design ?? ""),
            minimumDesignWords: ProfileLimits.minimumDesignWords,
            comments: CommentView.list(comments, labels: labels),
            hasErrors: !errors.isEmpty, hasComments: !comments.isEmpty,
            hasOtherAffairs: !chosenOthers.isEmpty, hasSDGs: !chosenGoals.isEmpty)
    }
}

/// An admin's comment on one field of a returned profile.
struct CommentView: Encodable {
    let field: String
    let label: String
    let text: String

    static func list(_ comments: [String: String], labels: Labels) -> [CommentView] {
        let order = ["general"] + ProfileField.allCases.map(\.rawValue)
        return comments.sorted { (order.firstIndex(of: $0.key) ?? 99) < (order.firstIndex(of: $1.key) ?? 99) }
            .map { key, text in
                CommentView(field: key,
                            label: key == "general" ? labels.t("review.generalComment") : (ProfileField(rawValue: key).map(labels.field) ?? key),
                            text: text)
            }
    }
}
