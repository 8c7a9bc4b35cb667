import Fluent
import Foundation
import LumbungCore

/// Reads the registry as `Coverage` sees it: active agencies, innovations that are not
/// archived, and which of them have a recorded development.
struct CoverageReader {
    let db: any Database

    func coverage() async throws -> Coverage {
        let agencies = try await Agency.query(on: db).filter(\.$isActive == true).all()
            .map { CoverageAgency(id: $0.id!, name: $0.name, kind: $0.kind, parentID: $0.parentID) }
        let developed = Set(try await Evidence.query(on: db).filter(\.$type == .development).filter(\.$isActive == true).all().map(\.$innovation.id))
        let innovations = try await Innovation.query(on: db).filter(\.$status != .archived).all().map { innovation in
            CoverageInnovation(id: innovation.id!, name: innovation.name, agencyID: innovation.$agency.id, category: innovation.category,
                               deliveryMode: innovation.deliveryMode, stage: innovation.stage, startYear: innovation.startYear,
                               affairs: Set([innovation.mainAffair].compactMap { $0 } + innovation.otherAffairs),
                               implementationStart: innovation.implementationStart.flatMap(CalendarDate.init(parsing:)),
                               hasDevelopment: developed.contains(innovation.id!))
        }
        return Coverage(agencies: agencies, innovations: innovations)
    }

    /// The age rules of editions whose registration has not closed yet.
    func openAgeRules(now: Date) async throws -> [AgeRule] {
        try await Competition.query(on: db).filter(\.$closesAt >= now).all().flatMap { competition in
            competition.definition.groups.map {
                AgeRule(edition: competition.name, group: $0.name, minimumYears: $0.minimumAgeYears, closes: competition.closingDay)
            }
        }
    }
}
