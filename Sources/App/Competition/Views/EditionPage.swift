import Fluent
import LumbungCore
import Vapor

/// An edition's page: its dates and rules, the proposals the viewer may see by status and
/// agency, and the use of each group's quota.
struct EditionPage: Encodable {
    struct GroupSummary: Encodable {
        let name: String
        let rules: [String]
        let sections: [String]
        let documents: [String]
        let quota: String
    }

    struct ProposalRow: Encodable {
        let id: Int
        let innovation: String
        let agency: String
        let group: String
        let category: String
        let status: String
        let statusLabel: String
        let updated: String
    }

    struct QuotaRow: Encodable {
        let holder: String
        let group: String
        let used: String
        let quota: String
        let isFull: Bool
    }

    struct Item: Encodable {
        let name: String
        let detail: String
    }

    /// A scored stage and where its evaluation stands.
    struct EvaluationLink: Encodable {
        let href: String
        let name: String
        let phase: String
        let phaseLabel: String
        let objectionsHref: String?
    }

    let id: Int
    let name: String
    let organiserLabel: String
    let registration: String
    let isOpen: Bool
    let openLabel: String
    let source: String
    let groups: [GroupSummary]
    let categories: [String]
    let criteria: [Item]
    let stages: [Item]
    let tiers: [Item]
    let proposals: [ProposalRow]
    let statusCounts: [Item]
    let quotas: [QuotaRow]
    let canManage: Bool
    let canPropose: Bool
    let canReview: Bool
    let hasProposals: Bool
    let evaluations: [EvaluationLink]

    static func make(req: Request, competition: Competition) async throws -> EditionPage {
        let labels = Labels(req)
        let user = try req.user
        let definition = competition.definition
        let id = try competition.requireID()
        let proposals = try await Self.visibleProposals(req, competitionID: id)
        let documentNames = Dictionary(definition.documents.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })

        let groups = definition.groups.map { group in
            var rules = [labels.t("edition.ageRule", String(group.minimumAgeYears))]
            if !group.allowedStages.isEmpty { rules.append(labels.t("edition.stagesRule", group.allowedStages.map(labels.stage).joined(separator: ", "))) }
            if !group.allowedCategories.isEmpty { rules.append(labels.t("edition.categoriesRule", group.allowedCategories.map(labels.category).joined(separator: ", "))) }
            rules += group.rules.map { labels.t("rule.\($0.rawValue)") }
            return GroupSummary(
                name: group.name, rules: rules,
                sections: definition.sections(for: group.key).map { labels.t("edition.sectionLimit", $0.title, labels.number($0.maxWords)) },
                documents: definition.documents(for: group.key).map { documentNames[$0.key] ?? $0.key },
                quota: group.quota.map { labels.t("edition.quotaOf", labels.number($0), labels.t("quotaScope.\(definition.quotaScope.rawValue)")) }
                    ?? labels.t("edition.noQuota"))
        }
        let rows = proposals.map { p in
            ProposalRow(id: p.id!, innovation: p.innovation.name, agency: p.agency.displayName,
                        group: definition.group(p.groupKey)?.name ?? p.groupKey, category: definition.category(p.categoryKey)?.name ?? p.categoryKey,
                        status: p.status.rawValue, statusLabel: labels.t("proposalStatus.\(p.status.rawValue)"), updated: labels.dateTime(p.updatedAt))
        }
        let counts = ProposalStatus.allCases.compactMap { status -> Item? in
            let n = proposals.filter { $0.status == status }.count
            return n == 0 ? nil : Item(name: labels.t("proposalStatus.\(status.rawValue)"), detail: labels.number(n))
        }
        var quotas = try await QuotaUse.entries(for: competition, on: req.db, labels: labels)
        if user.role == .operator {
            // An operator sees the quota their own agency counts against.
            let own = try await QuotaUse.holder(of: user.$agency.id, scope: definition.quotaScope, on: req.db)
            quotas = quotas.filter { $0.holderAgencyID == own }
        }
        let open = competition.isOpen(at: req.now)
        let running = try await EvaluationStage.query(on: req.db).filter(\.$competition.$id == id).all()
        let phases = Dictionary(uniqueKeysWithValues: running.map { ($0.stageKey, $0.status) })
        let evaluations = definition.stages.filter(\.isScored).compactMap { stage -> EvaluationLink? in
            let phase = phases[stage.key]
            let path = "/competitions/\(id)/stages/\(stage.key)"
            let announced = phase == .announced || phase == .final
            // Agencies see a stage once its result is announced; the Biro and viewers always.
            guard user.role == .admin || user.role == .viewer || announced else { return nil }
            return EvaluationLink(href: user.role == .operator ? path + "/objections" : path, name: stage.name,
                                  phase: phase?.rawValue ?? "none", phaseLabel: labels.t(phase.map { "stagePhase.\($0.rawValue)" } ?? "stagePhase.none"),
                                  objectionsHref: announced ? path + "/objections" : nil)
        }
        return EditionPage(
            id: id, name: competition.name, organiserLabel: labels.t("organiser.\(competition.organiser.rawValue)"),
            registration: labels.t("edition.window", labels.dateTime(competition.opensAt), labels.dateTime(competition.closesAt)),
            isOpen: open, openLabel: labels.t(open ? "edition.open" : (req.now < competition.opensAt ? "edition.notYetOpen" : "edition.closed")),
            source: definition.source, groups: groups, categories: definition.categories.map(\.name),
            criteria: definition.criteria.map { Item(name: $0.name, detail: labels.t("edition.criterionDetail",
                IndonesianFormat.number($0.weight, fractionDigits: $0.weight.rounded() == $0.weight ? 0 : 1, language: labels.language),
                String($0.scaleMin), String($0.scaleMax))) },
            stages: definition.stages.map { stage in
                let dates = [stage.starts, stage.ends].compactMap { $0 }.map { IndonesianFormat.date($0, language: labels.language) }
                return Item(name: stage.name, detail: (dates.isEmpty ? "" : dates.joined(separator: " – ")) + (stage.isScored ? " · " + labels.t("edition.scored") : ""))
            },
            tiers: definition.awardTiers.map { tier in
                Item(name: tier.name, detail: [tier.isFinalist ? labels.t("edition.tierFinalist") : nil, tier.isTopTier ? labels.t("edition.tierTop") : nil]
                    .compactMap { $0 }.joined(separator: ", "))
            },
            proposals: rows, statusCounts: counts, quotas: quotas.map { $0.row(labels) },
            canManage: user.role == .admin, canPropose: open && (user.role == .admin || (user.role == .operator && user.$agency.id != nil)),
            canReview: user.role == .admin || user.role == .viewer, hasProposals: !rows.isEmpty, evaluations: evaluations)
    }

    /// The edition's proposals this account may see (its registry scope), newest first.
    static func visibleProposals(_ req: Request, competitionID: Int) async throws -> [Proposal] {
        let visibility = req.innovationVisibility
        guard visibility.scope != .nothing else { return [] }
        let query = Proposal.query(on: req.db).filter(\.$competition.$id == competitionID)
            .join(Innovation.self, on: \Proposal.$innovation.$id == \Innovation.$id)
            .with(\.$innovation).with(\.$agency).sort(\.$updatedAt, .descending)
        if case .agency(let agencyID) = visibility.scope { query.filter(Innovation.self, \.$agency.$id == agencyID) }
        return try await query.all()
    }
}
