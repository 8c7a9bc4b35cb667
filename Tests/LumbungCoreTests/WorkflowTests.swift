import Foundation
import Testing
@testable import LumbungCore

@Suite struct ReviewWorkflowTests {
    let owner = ReviewActor(role: .operator, ownsAgency: true)
    let stranger = ReviewActor(role: .operator, ownsAgency: false)
    let admin = ReviewActor(role: .admin, ownsAgency: false)
    let viewer = ReviewActor(role: .viewer, ownsAgency: false)

    @Test func theWholeRoundTrip() throws {
        var state = ReviewState(status: .draft, isPublic: false)
        state = try ReviewWorkflow.apply(.submit, to: state, by: owner)
        #expect(state.status == .submitted)
        state = try ReviewWorkflow.apply(.requestRevision, to: state, by: admin)
        #expect(state.status == .revisionRequested)
        state = try ReviewWorkflow.apply(.submit, to: state, by: owner)
        state = try ReviewWorkflow.apply(.verify, to: state, by: admin)
        state = try ReviewWorkflow.apply(.publish, to: state, by: admin)
        #expect(state == ReviewState(status: .verified, isPublic: true))
        state = try ReviewWorkflow.apply(.archive, to: state, by: admin)
        #expect(state == ReviewState(status: .archived, isPublic: false))
        state = try ReviewWorkflow.apply(.restore, to: state, by: admin)
        #expect(state.status == .draft)
    }

    @Test func operatorsCannotJudgeTheirOwnWork() {
        let submitted = ReviewState(status: .submitted, isPublic: false)
        #expect(throws: ReviewWorkflow.Refusal.notAllowed) { try ReviewWorkflow.apply(.verify, to: submitted, by: owner) }
        #expect(throws: ReviewWorkflow.Refusal.notAllowed) { try ReviewWorkflow.apply(.submit, to: ReviewState(status: .draft, isPublic: false), by: stranger) }
        #expect(throws: ReviewWorkflow.Refusal.notAllowed) { try ReviewWorkflow.apply(.archive, to: submitted, by: viewer) }
    }

    @Test func stepsOutOfOrderAreRefused() {
        #expect(throws: ReviewWorkflow.Refusal.wrongState) {
            try ReviewWorkflow.apply(.verify, to: ReviewState(status: .draft, isPublic: false), by: admin)
        }
        #expect(throws: ReviewWorkflow.Refusal.wrongState) {
            try ReviewWorkflow.apply(.publish, to: ReviewState(status: .submitted, isPublic: false), by: admin)
        }
        #expect(throws: ReviewWorkflow.Refusal.wrongState) {
            try ReviewWorkflow.apply(.publish, to: ReviewState(status: .verified, isPublic: true), by: admin)
        }
    }

    @Test func operatorsArchiveOnlyTheirDrafts() {
        #expect(throws: ReviewWorkflow.Refusal.notAllowed) {
            try ReviewWorkflow.apply(.archive, to: ReviewState(status: .verified, isPublic: true), by: owner)
        }
        #expect((try? ReviewWorkflow.apply(.archive, to: ReviewState(status: .draft, isPublic: false), by: owner)) != nil)
    }

    @Test func whoMayEditWhen() {
        #expect(ReviewWorkflow.canEdit(.draft, by: owner))
        #expect(ReviewWorkflow.canEdit(.revisionRequested, by: owner))
        #expect(!ReviewWorkflow.canEdit(.submitted, by: owner))
        #expect(!ReviewWorkflow.canEdit(.verified, by: owner))
        #expect(!ReviewWorkflow.canEdit(.draft, by: stranger))
        #expect(!ReviewWorkflow.canEdit(.draft, by: viewer))
        #expect(ReviewWorkflow.canEdit(.verified, by: admin))
        #expect(!ReviewWorkflow.canEdit(.archived, by: admin))
    }

    @Test func offersOnlyPossibleActions() {
        #expect(ReviewWorkflow.availableActions(for: ReviewState(status: .submitted, isPublic: false), by: admin)
                == [.requestRevision, .verify, .archive])
        #expect(ReviewWorkflow.availableActions(for: ReviewState(status: .draft, isPublic: false), by: owner) == [.submit, .archive])
        #expect(ReviewWorkflow.availableActions(for: ReviewState(status: .submitted, isPublic: false), by: viewer).isEmpty)
    }
}

@Suite struct RevisionDiffTests {
    @Test func listsChangedFieldsInFormOrder() throws {
        let old = try completeInput().parse().get()
        var new = old
        new.name = "Si Pelandukilat Plus"
        new.goals = "Mendekatkan layanan ke desa."
        let changes = RevisionDiff.changes(from: old, to: new)
        #expect(changes.map(\.field) == [.name, .goals])
        #expect(changes[0].segments.isEmpty)
        #expect(changes[1].segments == [DiffSegment(.same, "Mendekatkan"), DiffSegment(.removed, "layanan."),
                                        DiffSegment(.inserted, "layanan ke desa.")])
    }

    @Test func identicalProfilesHaveNoChanges() throws {
        let profile = try completeInput().parse().get()
        #expect(RevisionDiff.changes(from: profile, to: profile).isEmpty)
    }
}

@Suite struct LoginThrottleTests {
    let throttle = LoginThrottle(maxFailures: 3, window: 60, lockout: 300)
    let start = Date(timeIntervalSince1970: 1_000_000)

    @Test func locksAfterRepeatedFailuresAndUnlocksLater() {
        var record = throttle.recordingFailure(nil, now: start)
        record = throttle.recordingFailure(record, now: start + 10)
        #expect(throttle.lockedUntil(record, now: start + 11) == nil)
        record = throttle.recordingFailure(record, now: start + 20)
        #expect(throttle.lockedUntil(record, now: start + 21) == start + 320)
        #expect(throttle.lockedUntil(record, now: start + 321) == nil)
        #expect(throttle.recordingFailure(record, now: start + 400).failures == 1)
    }

    @Test func failuresOutsideTheWindowStartAgain() {
        let record = throttle.recordingFailure(throttle.recordingFailure(nil, now: start), now: start + 61)
        #expect(record.failures == 1)
    }
}

@Suite struct AccountRulesTests {
    @Test func passwordsNeedLengthAndMustNotBeTheEmail() {
        #expect(AccountRules.passwordProblems("pendek", email: "a@b.id").map(\.key) == ["error.passwordTooShort"])
        #expect(AccountRules.passwordProblems("ops@kaltara.id", email: "OPS@kaltara.id").map(\.key) == ["error.passwordIsEmail"])
        #expect(AccountRules.passwordProblems("cukup-panjang-sekali", email: "a@b.id").isEmpty)
    }

    @Test func emailsAreNormalised() {
        #expect(AccountRules.normalisedEmail("  Admin@Kaltara.Example ") == "admin@kaltara.example")
        #expect(AccountRules.normalisedEmail("no-at-sign") == nil)
        #expect(AccountRules.normalisedEmail("a@b") == nil)
        #expect(AccountRules.normalisedEmail("a\"<x>@b.id") == nil)
    }
}

@Suite struct CatalogueVisibilityTests {
    @Test func onlyVerifiedAndPublishedInnovationsAreInTheCatalogue() {
        for status in ReviewStatus.allCases {
            for isPublic in [false, true] {
                let expected = status == .verified && isPublic
                #expect(ReviewState(status: status, isPublic: isPublic).isInCatalogue == expected, "\(status) public: \(isPublic)")
            }
        }
    }
}
