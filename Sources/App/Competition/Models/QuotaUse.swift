import Fluent
import LumbungCore
import Vapor

/// How much of each group's quota is taken. The holder is the whole registry (in KIPP the
/// province is one instansi) or, per agency, the top-level agency with all its units.
struct QuotaUse {
    struct Entry {
        /// nil for the whole registry.
        let holderAgencyID: Int?
        let holderName: String
        let groupKey: String
        let groupName: String
        let used: Int
        let quota: Int

        func row(_ labels: Labels) -> EditionPage.QuotaRow {
            EditionPage.QuotaRow(holder: holderName, group: groupName, used: labels.number(used), quota: labels.number(quota), isFull: used >= quota)
        }
    }

    /// Every group with a quota, for every holder that has proposals (or the whole registry).
    static func entries(for competition: Competition, on db: any Database, labels: Labels) async throws -> [Entry] {
        let definition = competition.definition
        let agencies = try await Agency.query(on: db).all()
        let byID = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0) })
        let taking = try await Proposal.query(on: db).filter(\.$competition.$id == competition.requireID())
            .filter(\.$status ~~ Array(ProposalWorkflow.countsForQuota)).all()
        var entries: [Entry] = []
        for group in definition.groups {
            guard let quota = group.quota else { continue }
            let inGroup = taking.filter { $0.groupKey == group.key }
            switch definition.quotaScope {
            case .wholeRegistry:
                entries.append(Entry(holderAgencyID: nil, holderName: labels.t("quota.wholeRegistry"), groupKey: group.key,
                                     groupName: group.name, used: inGroup.count, quota: quota))
            case .perAgency:
                let holders = Dictionary(grouping: inGroup) { topLevel($0.$agency.id, in: byID) }
                for (holder, proposals) in holders.sorted(by: { (byID[$0.key]?.name ?? "") < (byID[$1.key]?.name ?? "") }) {
                    entries.append(Entry(holderAgencyID: holder, holderName: byID[holder]?.name ?? "—", groupKey: group.key,
                                         groupName: group.name, used: proposals.count, quota: quota))
                }
            }
        }
        return entries
    }

    /// The holder an agency's proposals count against.
    static func holder(of agencyID: Int?, scope: QuotaScope, on db: any Database) async throws -> Int? {
        guard scope == .perAgency, let agencyID else { return nil }
        let agencies = try await Agency.query(on: db).all()
        return topLevel(agencyID, in: Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0) }))
    }

    /// The refusal when `proposal` would take a place over its group's quota, or nil.
    static func refusal(selecting proposal: Proposal, in competition: Competition, on db: any Database, labels: Labels) async throws -> LocalizedMessage? {
        let definition = competition.definition
        guard let group = definition.group(proposal.groupKey), let quota = group.quota else { return nil }
        let holder = try await holder(of: proposal.$agency.id, scope: definition.quotaScope, on: db)
        let entries = try await entries(for: competition, on: db, labels: labels)
        let used = entries.first { $0.groupKey == group.key && $0.holderAgencyID == holder }?.used ?? 0
        let holderName: String
        if let holder { holderName = try await Agency.find(holder, on: db)?.name ?? "—" } else { holderName = labels.t("quota.wholeRegistry") }
        return QuotaCheck.refusal(used: used, quota: quota, holder: holderName, group: group.name)
    }

    static func topLevel(_ agencyID: Int, in agencies: [Int: Agency]) -> Int {
        var current = agencyID
        var seen: Set<Int> = []
        while let parent = agencies[current]?.parentID, !seen.contains(parent) {
            seen.insert(current)
            current = parent
        }
        return current
    }
}
