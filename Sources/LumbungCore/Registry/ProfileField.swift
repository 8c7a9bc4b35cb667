/// The fields of an innovation profile, named as the form names them.
public enum ProfileField: String, CaseIterable, Codable, Sendable {
    case name, acronym, agency = "agencyID", category, deliveryMode, stage, initiator, mainAffair,
         otherAffairs, trialStart, implementationStart, design, goals, benefits, results,
         beneficiaries, themes, sdgs, videoURL, latitude, longitude, replicatedFrom

    /// The catalogue key of the field's label.
    public var labelKey: String { "field.\(rawValue)" }

    /// The long narrative fields an admin most often comments on.
    public static let narrative: [ProfileField] = [.design, .goals, .benefits, .results, .beneficiaries]
}

/// A problem with one field, to be shown next to it and in the list at the top of the form.
public struct FieldError: Equatable, Sendable {
    public let field: ProfileField
    public let message: LocalizedMessage

    public init(_ field: ProfileField, _ message: LocalizedMessage) {
        self.field = field
        self.message = message
    }

    /// "Rancang bangun: minimal 300 kata (sekarang 120)."
    public func text(in language: Language) -> String {
        StringCatalogue.text(field.labelKey, language: language) + ": " + message.text(in: language)
    }
}
