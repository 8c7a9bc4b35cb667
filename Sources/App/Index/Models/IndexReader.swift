import Fluent
import Foundation
import LumbungCore
import Vapor

/// One year of the index as stored: its form, its answers, and the innovations reported.
struct IndexYear {
    let record: IndicatorSetRecord
    let set: IndicatorSet
    let answers: [IndexAnswer]
    /// Reported innovations (at least one answer this year), by id.
    let innovations: [Int: Innovation]
    /// Active evidence of the reported innovations, by id.
    let evidence: [Int: Evidence]
    let developed: Set<Int>
    let today: CalendarDate

    /// What the index counts: an SID answer with evidence that was not rejected; an SPD answer
    /// that was not rejected.
    var counted: IndexAnswers {
        var region: [String: Int] = [:]
        var levels: [Int: [String: Int]] = [:]
        for answer in answers {
            if let id = answer.innovationID {
                let supported = answer.evidenceID.flatMap { evidence[$0] } != nil
                levels[id, default: [:]][answer.indicatorKey] = supported ? answer.countedLevel : 0
            } else {
                region[answer.indicatorKey] = answer.countedLevel
            }
        }
        return IndexAnswers(region: region, innovations: innovations.values.sorted { $0.id! < $1.id! }.map { innovation in
            indexed(innovation, levels: levels[innovation.id!] ?? [:])
        })
    }

    func indexed(_ innovation: Innovation, levels: [String: Int]) -> IndexedInnovation {
        IndexedInnovation(id: Int64(innovation.id!), name: innovation.name,
                          affairs: Set([innovation.mainAffair].compactMap { $0 } + innovation.otherAffairs), levels: levels,
                          needsDevelopment: needsDevelopment(innovation, developed: developed.contains(innovation.id!)))
    }

    /// Whether this year's form leaves the innovation unscored for want of a recorded development.
    func needsDevelopment(_ innovation: Innovation, developed: Bool) -> Bool {
        guard let years = set.developmentAfterYears else { return false }
        let ageing = CoverageInnovation(id: innovation.id!, name: innovation.name, agencyID: innovation.$agency.id,
                                        implementationStart: innovation.implementationStart.flatMap(CalendarDate.init(parsing:)), hasDevelopment: developed)
        return ageing.needsDevelopment(today: today, afterYears: years)
    }

    var result: IndexResult { InnovationIndex.compute(counted, with: set) }

    func answers(for innovationID: Int?) -> [String: IndexAnswer] {
        Dictionary(answers.filter { $0.innovationID == innovationID }.map { ($0.indicatorKey, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Answers whose evidence is missing or was rejected, with the index they would add once
    /// supported, largest first.
    func gaps() -> [(answer: IndexAnswer, gain: Double)] {
        let base = counted
        let now = InnovationIndex.compute(base, with: set).index
        let open = answers.filter { answer in
            guard answer.innovationID != nil, answer.level > 0 else { return false }
            return answer.validation == .rejected || answer.evidenceID.flatMap({ evidence[$0] }) == nil
        }
        return open.compactMap { answer -> (IndexAnswer, Double)? in
            guard let changed = try? base.applying([.setLevel(innovation: Int64(answer.innovationID!), indicator: answer.indicatorKey, level: answer.level)], in: set)
            else { return nil }
            return (answer, InnovationIndex.compute(changed, with: set).index - now)
        }.sorted { ($0.1, $1.0.id ?? 0) > ($1.1, $0.0.id ?? 0) }
    }

    static func load(year: Int, on db: any Database, today: CalendarDate) async throws -> IndexYear? {
        guard let record = try await IndicatorSetRecord.query(on: db).filter(\.$year == year).first() else { return nil }
        return try await load(record, on: db, today: today)
    }

    static func load(_ record: IndicatorSetRecord, on db: any Database, today: CalendarDate) async throws -> IndexYear {
        let year = record.year
        let answers = try await IndexAnswer.query(on: db).filter(\.$year == year).sort(\.$id).all()
        let ids = Array(Set(answers.compactMap(\.innovationID)))
        let innovations = ids.isEmpty ? [] : try await Innovation.query(on: db).filter(\.$id ~~ ids).filter(\.$status != .archived).with(\.$agency).all()
        let evidence = ids.isEmpty ? [] : try await Evidence.query(on: db).filter(\.$innovation.$id ~~ ids).filter(\.$isActive == true).all()
        return IndexYear(record: record, set: record.definition, answers: answers.filter { answer in answer.innovationID == nil || innovations.contains { $0.id == answer.innovationID } },
                         innovations: Dictionary(innovations.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a }),
                         evidence: Dictionary(evidence.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a }),
                         developed: Set(evidence.filter { $0.type == .development }.map(\.$innovation.id)), today: today)
    }
}

extension Request {
    /// The index year named in the path.
    func indexYear() async throws -> IndexYear {
        guard let year = parameters.get("year", as: Int.self), let loaded = try await IndexYear.load(year: year, on: db, today: today) else {
            throw Abort(.notFound)
        }
        return loaded
    }
}
