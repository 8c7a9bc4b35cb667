/// What a person typed into the innovation form, exactly as it arrived. Parsing it gives a
/// profile or every problem at once; the input itself is kept so that a failed save can show
/// the form again with nothing lost.
public struct InnovationFormInput: Codable, Equatable, Sendable {
    public var name: String?
    public var acronym: String?
    public var category: String?
    public var deliveryMode: String?
    public var stage: String?
    public var initiator: String?
    public var mainAffair: String?
    public var otherAffairs: [String]?
    public var trialStart: String?
    public var implementationStart: String?
    public var design: String?
    public var goals: String?
    public var benefits: String?
    public var results: String?
    public var beneficiaries: String?
    /// Comma-separated free tags.
    public var themes: String?
    public var sdgs: [String]?
    public var videoURL: String?
    public var latitude: String?
    public var longitude: String?
    public var replicatedFromID: String?
    public var replicatedFromName: String?

    public init() {}

    /// The form as it shows an existing profile.
    public init(_ profile: InnovationProfile) {
        name = profile.name
        acronym = profile.acronym
        category = profile.category.rawValue
        deliveryMode = profile.deliveryMode.rawValue
        stage = profile.stage.rawValue
        initiator = profile.initiator.rawValue
        mainAffair = profile.mainAffair
        otherAffairs = profile.otherAffairs
        trialStart = profile.trialStart
        implementationStart = profile.implementationStart
        design = profile.design
        goals = profile.goals
        benefits = profile.benefits
        results = profile.results
        beneficiaries = profile.beneficiaries
        themes = profile.themes.joined(separator: ", ")
        sdgs = profile.sdgs.map(String.init)
        videoURL = profile.videoURL
        latitude = profile.latitude.map { String($0) }
        longitude = profile.longitude.map { String($0) }
        replicatedFromID = profile.replicatedFromID.map(String.init)
        replicatedFromName = profile.replicatedFromName
    }
}

/// Limits on what a profile field may hold.
public enum ProfileLimits {
    public static let nameLength = 200
    public static let acronymLength = 40
    public static let designLength = 20_000
    public static let narrativeLength = 4_000
    public static let beneficiariesLength = 500
    public static let themeLength = 60
    public static let themeCount = 10
    public static let urlLength = 500
    /// Rancang bangun needs at least this many words before an innovation can be submitted
    /// (the IID profile guidance).
    public static let minimumDesignWords = 300
}

extension InnovationFormInput {
    /// Checks the form field by field and returns the profile, or every problem found.
    /// Only the name is required to save a draft; completeness is checked on submission.
    public func parse() -> Validated<InnovationProfile, [FieldError]> {
        var errors: [FieldError] = []
        var profile = InnovationProfile()

        func text(_ value: String?, _ field: ProfileField, max: Int) -> String {
            let trimmed = (value ?? "").trimmingWhitespace()
            // A character takes at least one byte: counting characters is needed only past `max` bytes.
            if trimmed.utf8.count > max && trimmed.count > max {
                errors.append(FieldError(field, LocalizedMessage("error.tooLong", String(max), String(trimmed.count))))
            }
            return trimmed
        }
        func choice<E: RawRepresentable>(_ value: String?, _ field: ProfileField, default fallback: E) -> E
        where E.RawValue == String {
            guard let value, !value.isEmpty else {
                errors.append(FieldError(field, LocalizedMessage("error.required")))
                return fallback
            }
            guard let parsed = E(rawValue: value) else {
                errors.append(FieldError(field, LocalizedMessage("error.unknownChoice", value)))
                return fallback
            }
            return parsed
        }
        func date(_ value: String?, _ field: ProfileField) -> String? {
            let trimmed = (value ?? "").trimmingWhitespace()
            if trimmed.isEmpty { return nil }
            guard let parsed = CalendarDate(parsing: trimmed) else {
                errors.append(FieldError(field, LocalizedMessage("error.badDate", String(trimmed.prefix(40)))))
                return nil
            }
            return parsed.description
        }
        func coordinate(_ value: String?, _ field: ProfileField, limit: Double) -> Double? {
            let trimmed = (value ?? "").trimmingWhitespace().replacingComma()
            if trimmed.isEmpty { return nil }
            guard let number = Double(trimmed), number.isFinite, abs(number) <= limit else {
                errors.append(FieldError(field, LocalizedMessage("error.badCoordinate", String(Int(limit)))))
                return nil
            }
            return number
        }

        profile.name = text(name, .name, max: ProfileLimits.nameLength)
        if profile.name.isEmpty { errors.append(FieldError(.name, LocalizedMessage("error.required"))) }
        profile.acronym = text(acronym, .acronym, max: ProfileLimits.acronymLength)
        profile.category = choice(category, .category, default: .publicService)
        profile.deliveryMode = choice(deliveryMode, .deliveryMode, default: .nonDigital)
        profile.stage = choice(stage, .stage, default: .initiative)
        profile.initiator = choice(initiator, .initiator, default: .agency)

        let main = (mainAffair ?? "").trimmingWhitespace()
        if !main.isEmpty {
            if GovernmentAffair.named(main) == nil {
                errors.append(FieldError(.mainAffair, LocalizedMessage("error.unknownChoice", main)))
            } else {
                profile.mainAffair = main
            }
        }
        var others: [String] = []
        for code in otherAffairs ?? [] where !code.isEmpty {
            if GovernmentAffair.named(code) == nil {
                errors.append(FieldError(.otherAffairs, LocalizedMessage("error.unknownChoice", code)))
            } else if code != profile.mainAffair && !others.contains(code) {
                others.append(code)
            }
        }
        profile.otherAffairs = others

        profile.trialStart = date(trialStart, .trialStart)
        profile.implementationStart = date(implementationStart, .implementationStart)
        if let trial = profile.trialStartDate, let implementation = profile.implementationStartDate,
           implementation < trial {
            errors.append(FieldError(.implementationStart, LocalizedMessage("error.implementationBeforeTrial")))
        }

        profile.design = text(design, .design, max: ProfileLimits.designLength)
        profile.goals = text(goals, .goals, max: ProfileLimits.narrativeLength)
        profile.benefits = text(benefits, .benefits, max: ProfileLimits.narrativeLength)
        profile.results = text(results, .results, max: ProfileLimits.narrativeLength)
        profile.beneficiaries = text(beneficiaries, .beneficiaries, max: ProfileLimits.beneficiariesLength)

        var tags: [String] = []
        for raw in (themes ?? "").split(separator: ",") {
            let tag = String(raw).trimmingWhitespace().lowercased()
            if tag.isEmpty || tags.contains(tag) { continue }
            if tag.count > ProfileLimits.themeLength {
                errors.append(FieldError(.themes, LocalizedMessage("error.themeTooLong", String(ProfileLimits.themeLength))))
            }
            tags.append(tag)
        }
        if tags.count > ProfileLimits.themeCount {
            errors.append(FieldError(.themes, LocalizedMessage("error.tooManyThemes", String(ProfileLimits.themeCount))))
        }
        profile.themes = tags

        var goals: [Int] = []
        for raw in sdgs ?? [] where !raw.isEmpty {
            guard let number = Int(raw), SustainableDevelopmentGoal.range.contains(number) else {
                errors.append(FieldError(.sdgs, LocalizedMessage("error.unknownChoice", String(raw.prefix(10)))))
                continue
            }
            if !goals.contains(number) { goals.append(number) }
        }
        profile.sdgs = goals.sorted()

        profile.videoURL = text(videoURL, .videoURL, max: ProfileLimits.urlLength)
        if !profile.videoURL.isEmpty && !WebAddress.isHTTP(profile.videoURL) {
            errors.append(FieldError(.videoURL, LocalizedMessage("error.notHTTP")))
        }

        profile.latitude = coordinate(latitude, .latitude, limit: 90)
        profile.longitude = coordinate(longitude, .longitude, limit: 180)
        if (profile.latitude == nil) != (profile.longitude == nil) {
            errors.append(FieldError(profile.latitude == nil ? .latitude : .longitude,
                                     LocalizedMessage("error.coordinatePair")))
        }

        let replicatedID = (replicatedFromID ?? "").trimmingWhitespace()
        if !replicatedID.isEmpty {
            if let id = Int(replicatedID), id > 0 {
                profile.replicatedFromID = id
            } else {
                errors.append(FieldError(.replicatedFrom, LocalizedMessage("error.unknownChoice", String(replicatedID.prefix(20)))))
            }
        }
        profile.replicatedFromName = text(replicatedFromName, .replicatedFrom, max: ProfileLimits.nameLength)

        return errors.isEmpty ? .success(profile) : .failure(errors)
    }
}

extension String {
    /// "3,57" as typed on an Indonesian keyboard is 3.57.
    func replacingComma() -> String {
        String(map { $0 == "," ? "." : $0 })
    }
}

public enum WebAddress {
    /// True for an absolute http or https address with a host: no `javascript:`, no `data:`.
    public static func isHTTP(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            return false
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.contains(".") && !host.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
            && !text.contains(where: { $0.isWhitespace })
    }
}
