import LumbungCore
import NIOConcurrencyHelpers
import Vapor

/// The submitted scores of a stage as far as the aggregation is concerned: how many sheets are
/// submitted and when the newest changed. Submitting stamps a row with a later time; reopening,
/// deleting or a conflict only ever removes sheets, which lowers the count. So between two
/// readings the pair is the same only when the submitted sheets are the same, on any instance.
struct SubmittedFingerprint: Equatable, Sendable {
    let count: Int
    let newest: Date?

    init(count: Int, newest: Date?) {
        self.count = count
        self.newest = newest
    }

    /// The fingerprint of submitted rows with these update times.
    init(updatedTimes: [Date?]) {
        self.init(count: updatedTimes.count, newest: updatedTimes.compactMap { $0 }.max())
    }
}

/// Each scored stage's aggregation, kept while what it was computed from stays the same: the
/// submitted sheets (by their fingerprint, read on each request), the proposals with their
/// quota attributes, the rules and the criteria. A national stage's ranking page then reads
/// 3,500 entries instead of 10,500 assessments and does not aggregate again on each view.
final class StageResultCache: Sendable {
    struct Inputs: Equatable, Sendable {
        let fingerprint: SubmittedFingerprint
        let criteria: [Criterion]
        let rules: StageRules
        let proposals: [StageProposal]
    }

    /// Stages kept at once; the one used longest ago goes first.
    static let capacity = 8
    private let kept = NIOLockedValueBox<[(stageID: Int, inputs: Inputs, result: StageResult)]>([])

    func result(stageID: Int, inputs: Inputs) -> StageResult? {
        kept.withLockedValue { kept in
            guard let index = kept.firstIndex(where: { $0.stageID == stageID && $0.inputs == inputs }) else { return nil }
            let hit = kept.remove(at: index)
            kept.append(hit)
            return hit.result
        }
    }

    func store(_ result: StageResult, stageID: Int, inputs: Inputs) {
        kept.withLockedValue { kept in
            kept.removeAll { $0.stageID == stageID }
            kept.append((stageID, inputs, result))
            if kept.count > Self.capacity { kept.removeFirst(kept.count - Self.capacity) }
        }
    }
}

extension Application {
    private struct StageResultCacheKey: StorageKey { typealias Value = StageResultCache }

    var stageResults: StageResultCache { shared(StageResultCacheKey.self) { StageResultCache() } }
}
