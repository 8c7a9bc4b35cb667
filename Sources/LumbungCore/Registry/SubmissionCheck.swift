/// What an innovation profile still lacks before the Biro can review it. Every gap is listed
/// at once, so that an operator fixes them in one visit.
public enum SubmissionCheck {
    public static func gaps(in profile: InnovationProfile, today: CalendarDate) -> [FieldError] {
        var gaps: [FieldError] = []
        if profile.name.isEmpty { gaps.append(FieldError(.name, LocalizedMessage("error.required"))) }
        if profile.mainAffair == nil { gaps.append(FieldError(.mainAffair, LocalizedMessage("error.required"))) }

        let words = WordCounter.count(profile.design)
        if words < ProfileLimits.minimumDesignWords {
            gaps.append(FieldError(.design, LocalizedMessage("error.tooFewWords",
                                                             String(ProfileLimits.minimumDesignWords), String(words))))
        }
        for field in [ProfileField.goals, .benefits, .results, .beneficiaries] where value(of: field, in: profile).isEmpty {
            gaps.append(FieldError(field, LocalizedMessage("error.required")))
        }

        switch profile.stage {
        case .initiative:
            break
        case .trial:
            if profile.trialStartDate == nil {
                gaps.append(FieldError(.trialStart, LocalizedMessage("error.requiredForStage")))
            }
        case .implementation:
            if profile.implementationStartDate == nil {
                gaps.append(FieldError(.implementationStart, LocalizedMessage("error.requiredForStage")))
            }
        }
        if let trial = profile.trialStartDate, trial > today {
            gaps.append(FieldError(.trialStart, LocalizedMessage("error.dateInFuture")))
        }
        if let implementation = profile.implementationStartDate, implementation > today {
            gaps.append(FieldError(.implementationStart, LocalizedMessage("error.dateInFuture")))
        }
        if let trial = profile.trialStartDate, let implementation = profile.implementationStartDate,
           implementation < trial {
            gaps.append(FieldError(.implementationStart, LocalizedMessage("error.implementationBeforeTrial")))
        }
        return gaps
    }

    static func value(of field: ProfileField, in profile: InnovationProfile) -> String {
        switch field {
        case .goals: profile.goals
        case .benefits: profile.benefits
        case .results: profile.results
        case .beneficiaries: profile.beneficiaries
        default: ""
        }
    }
}
