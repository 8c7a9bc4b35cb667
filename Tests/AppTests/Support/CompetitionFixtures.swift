import Fluent
import Foundation
import LumbungCore
import Vapor
@testable import App

/// Editions and proposals made the way the application makes them, for the competition tests.
extension Fixture {
    /// A KIPP 2023-style edition whose registration is open at `now` (the day before and after).
    func openEdition(_ app: Application, name: String = "KIPP Uji", quota: Int? = 10, now: Date? = nil) async throws -> Competition {
        var definition = EditionSeeds.kipp2023.definition
        definition.groups[0].quota = quota
        let moment = now ?? app.clock.now()
        let competition = Competition(name: name, year: WITATime.parts(moment).day.year, organiser: .nationalKIPP,
                                      opensAt: moment.addingTimeInterval(-86_400), closesAt: moment.addingTimeInterval(86_400), definition: definition)
        try await competition.create(on: app.db)
        return competition
    }

    /// A verified innovation of `agency` (the fixture's own by default) that is old enough for any group.
    func verifiedInnovation(_ app: Application, name: String = "Inovasi \(UUID().uuidString.prefix(6))", agency: Agency? = nil) async throws -> Innovation {
        let innovation = try await self.innovation(app, name: name, agency: agency)
        innovation.reviewState = ReviewState(status: .verified, isPublic: true)
        try await InnovationStore(db: app.db, search: app.catalogue).save(innovation, action: "verify", by: admin)
        return innovation
    }

    /// A complete proposal (sections, documents, video, SDGs) walked to `status` by the Biro.
    func proposal(_ app: Application, in competition: Competition, status: ProposalStatus = .draft, group: String = "umum",
                  agency: Agency? = nil) async throws -> Proposal {
        let innovation = try await verifiedInnovation(app, agency: agency)
        let proposal = try await DemoCompetitions.propose(innovation, in: competition, group: group, admin: admin,
                                                          agencyOperator: operator_, on: app.db)
        try await DemoCompetitions.walk(proposal, to: status, in: competition, admin: admin, agencyOperator: operator_, on: app.db)
        return proposal
    }
}
