import Fluent
import Foundation
import LumbungCore

/// Reads a round's progress and its snapshot from the registry.
struct InventoryProgressReader {
    let db: any Database

    struct AgencyProgress {
        let agency: Agency
        let asked: InventoryRoundAgency
        let innovations: Int
        let answered: Int
        let state: AgencyRoundState
        let isLate: Bool
    }

    /// An agency's list in a round with its answers so far: its innovations that are not
    /// archived, and those it answered in this round (a discontinued one is archived by its answer).
    func list(of agencyID: Int, in round: InventoryRound) async throws -> (innovations: [Innovation], checks: [Int: InventoryCheck]) {
        let checks = try await InventoryCheck.query(on: db).filter(\.$round.$id == round.id!).filter(\.$agencyID == agencyID).all()
        let answered = checks.map(\.$innovation.id)
        let innovations = try await Innovation.query(on: db).filter(\.$agency.$id == agencyID).group(.or) { group in
            group.filter(\.$status != .archived)
            if !answered.isEmpty { group.filter(\.$id ~~ answered) }
        }.sort(\.$name).all()
        return (innovations, Dictionary(checks.map { ($0.$innovation.id, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    /// What a round's pages are made from, read once: the agencies asked, the answers, and the
    /// asked agencies' innovations that are not archived.
    private struct Round {
        let asked: [InventoryRoundAgency]
        let checks: [InventoryCheck]
        let innovations: [Innovation]
    }

    private func read(_ round: InventoryRound) async throws -> Round {
        let asked = try await InventoryRoundAgency.query(on: db).filter(\.$round.$id == round.id!).with(\.$agency).all()
        let checks = try await InventoryCheck.query(on: db).filter(\.$round.$id == round.id!).all()
        let innovations = try await Innovation.query(on: db).filter(\.$agency.$id ~~ asked.map(\.$agency.id)).filter(\.$status != .archived).all()
        return Round(asked: asked, checks: checks, innovations: innovations)
    }

    /// Every agency asked, in name order, with its state.
    func progress(of round: InventoryRound, today: CalendarDate) async throws -> [AgencyProgress] {
        progress(of: round, try await read(round), today: today)
    }

    private func progress(of round: InventoryRound, _ read: Round, today: CalendarDate) -> [AgencyProgress] {
        let answered = Dictionary(grouping: read.checks, by: \.agencyID).mapValues(\.count)
        let live = Dictionary(grouping: read.innovations, by: \.$agency.id).mapValues(\.count)
        let discontinued = Dictionary(grouping: read.checks.filter { $0.answer == .discontinued }, by: \.agencyID).mapValues(\.count)
        return read.asked.sorted { $0.agency.name < $1.agency.name }.map { row in
            let id = row.$agency.id
            let state = InventoryRules.state(answered: answered[id] ?? 0, confirmed: row.confirmedAt != nil)
            return AgencyProgress(agency: row.agency, asked: row, innovations: (live[id] ?? 0) + (discontinued[id] ?? 0), answered: answered[id] ?? 0,
                                  state: state, isLate: round.isOpen && InventoryRules.isLate(state, deadline: round.deadlineDay, today: today))
        }
    }

    /// What the round found: the asked agencies' innovations still running.
    func snapshot(of round: InventoryRound, today: CalendarDate) async throws -> InventorySnapshot {
        let read = try await read(round)
        let progress = progress(of: round, read, today: today)
        let agencies = Dictionary(progress.map { ($0.agency.id!, $0.agency) }, uniquingKeysWith: { a, _ in a })
        let stopped = Set(read.checks.filter { $0.answer == .discontinued }.map(\.$innovation.id))
        let items = read.innovations.filter { !stopped.contains($0.id!) }.map { innovation in
            let agency = agencies[innovation.$agency.id]!
            return InventorySnapshot.Item(id: innovation.id!, name: innovation.name, agencyCode: agency.code, agencyName: agency.name,
                                          category: innovation.category, deliveryMode: innovation.deliveryMode, stage: innovation.stage,
                                          startYear: innovation.startYear)
        }
        return InventorySnapshot(takenOn: today, items: items, agencies: progress.map(\.agency.name),
                                 unconfirmed: progress.filter { $0.state != .confirmed }.map(\.agency.name))
    }
}
