import LumbungCore
import Vapor

/// Catalogue labels for the registry's codes, in the request's language.
struct Labels {
    let language: Language

    init(_ req: Request) { language = req.language }

    init(language: Language) { self.language = language }

    func t(_ key: String, _ arguments: String...) -> String {
        StringCatalogue.text(key, language: language, arguments: arguments)
    }

    func category(_ value: InnovationCategory) -> String { t("category.\(value.rawValue)") }
    func deliveryMode(_ value: DeliveryMode) -> String { t("deliveryMode.\(value.rawValue)") }
    func stage(_ value: Stage) -> String { t("stage.\(value.rawValue)") }
    func initiator(_ value: Initiator) -> String { t("initiator.\(value.rawValue)") }
    func status(_ value: ReviewStatus) -> String { t("status.\(value.rawValue)") }
    func agencyKind(_ value: AgencyKind) -> String { t("agencyKind.\(value.rawValue)") }
    func field(_ value: ProfileField) -> String { t(value.labelKey) }
    func affair(_ code: String?) -> String {
        guard let code else { return "—" }
        return GovernmentAffair.named(code)?.name ?? code
    }
    func sdg(_ number: Int) -> String {
        let names = language == .id ? SustainableDevelopmentGoal.indonesianNames : SustainableDevelopmentGoal.englishNames
        return "\(number). \(names[number] ?? "")"
    }
    func date(_ iso: String?) -> String {
        guard let iso, let date = CalendarDate(parsing: iso) else { return "—" }
        return IndonesianFormat.date(date, language: language)
    }
    func dateTime(_ instant: Date?) -> String {
        instant.map { IndonesianFormat.dateTime($0, language: language) } ?? "—"
    }
    func number(_ value: Int) -> String { IndonesianFormat.number(value, language: language) }

    /// How a field's stored value reads on the page: codes become labels.
    func display(_ field: ProfileField, _ raw: String) -> String {
        if raw.isEmpty { return "—" }
        switch field {
        case .category: return InnovationCategory(rawValue: raw).map(category) ?? raw
        case .deliveryMode: return DeliveryMode(rawValue: raw).map(deliveryMode) ?? raw
        case .stage: return Stage(rawValue: raw).map(stage) ?? raw
        case .initiator: return Initiator(rawValue: raw).map(initiator) ?? raw
        case .mainAffair: return affair(raw)
        case .otherAffairs: return raw.components(separatedBy: ", ").map { affair($0) }.joined(separator: ", ")
        case .trialStart, .implementationStart: return date(raw)
        default: return raw
        }
    }
}

/// A choice in a select or a group of checkboxes.
/// A label and its value as a page shows it: a count, a figure, a line of a breakdown.
struct LabelledValue: Encodable {
    let label: String
    let value: String
}

struct Choice: Encodable {
    let value: String
    let label: String
    let selected: Bool
}

extension InnovationProfile {
    /// The video as a link only when it is an http(s) address, whatever an import or an old
    /// record holds.
    var videoLink: String? { WebAddress.isHTTP(videoURL) ? videoURL : nil }

    /// The location on OpenStreetMap, when the profile has coordinates.
    var mapHref: String? {
        guard let latitude, let longitude else { return nil }
        return "https://www.openstreetmap.org/?mlat=\(latitude)&mlon=\(longitude)#map=12/\(latitude)/\(longitude)"
    }
}
