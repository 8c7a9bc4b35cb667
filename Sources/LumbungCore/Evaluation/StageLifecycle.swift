/// Where a scored stage stands.
public enum StagePhase: String, Codable, CaseIterable, Sendable {
    /// Rules, panel and assignment are being prepared; nothing is scored yet.
    case setup
    /// Evaluators score their assigned proposals.
    case scoring
    /// Every assessment is in: the ranking and the shortlist are fixed.
    case closed
    /// The result is published to the agencies; the objection window (masa sanggah) runs.
    case announced
    /// Objections are answered and the result is final.
    case final
}

/// The steps of a stage and what each needs, as messages that say what is missing.
public enum StageLifecycle {
    /// Scoring opens once the rules are sound and every entry has its evaluators.
    public static func openRefusal(phase: StagePhase, ruleProblems: [EditionProblem], entries: Int, short: [String]) -> LocalizedMessage? {
        guard phase == .setup else { return LocalizedMessage("stage.wrongPhase", LocalizedMessage.term("stagePhase.\(phase.rawValue)")) }
        if let problem = ruleProblems.first { return problem.message }
        if entries == 0 { return LocalizedMessage("stage.noEntries") }
        if !short.isEmpty { return LocalizedMessage("stage.entriesShort", String(short.count), short.joined(separator: "; ")) }
        return nil
    }

    /// A stage closes only when every assessment is submitted; the rest are named.
    public static func closeRefusal(phase: StagePhase, unsubmitted: [String]) -> LocalizedMessage? {
        guard phase == .scoring else { return LocalizedMessage("stage.wrongPhase", LocalizedMessage.term("stagePhase.\(phase.rawValue)")) }
        if !unsubmitted.isEmpty { return LocalizedMessage("stage.unsubmitted", String(unsubmitted.count), unsubmitted.joined(separator: "; ")) }
        return nil
    }

    /// The result is announced with a window of at least one day that starts today or later.
    public static func announceRefusal(phase: StagePhase, quotaProblems: Int, today: CalendarDate, lastDay: CalendarDate?) -> LocalizedMessage? {
        guard phase == .closed else { return LocalizedMessage("stage.wrongPhase", LocalizedMessage.term("stagePhase.\(phase.rawValue)")) }
        if quotaProblems > 0 { return LocalizedMessage("stage.quotaUnmet") }
        guard let lastDay else { return LocalizedMessage("stage.objectionDayMissing") }
        if lastDay < today { return LocalizedMessage("stage.objectionDayPast", LocalizedMessage.day(lastDay)) }
        return nil
    }

    /// Objections are filed while the stage is announced, up to and including the last day (WITA).
    public static func objectionRefusal(phase: StagePhase, today: CalendarDate, lastDay: CalendarDate?) -> LocalizedMessage? {
        guard phase == .announced, let lastDay else { return LocalizedMessage("objection.notOpen") }
        if today > lastDay { return LocalizedMessage("objection.windowClosed", LocalizedMessage.day(lastDay)) }
        return nil
    }

    /// The result becomes final after the window, with every objection answered.
    public static func finaliseRefusal(phase: StagePhase, today: CalendarDate, lastDay: CalendarDate?, unanswered: Int) -> LocalizedMessage? {
        guard phase == .announced, let lastDay else { return LocalizedMessage("stage.wrongPhase", LocalizedMessage.term("stagePhase.\(phase.rawValue)")) }
        if today <= lastDay { return LocalizedMessage("stage.windowOpen", LocalizedMessage.day(lastDay)) }
        if unanswered > 0 { return LocalizedMessage("stage.objectionsOpen", String(unanswered)) }
        return nil
    }
}
