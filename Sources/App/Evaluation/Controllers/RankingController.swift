import Fluent
import LumbungCore
import LumbungSpreadsheet
import Vapor

/// The stage's ranking (provisional while scoring, fixed once closed): every method side by
/// side, flags, the evaluators with their distributions, reliability, the shortlist with its
/// quotas, each number's working, the committee's overrides, and the exports.
struct RankingController {
    static let pageSize = 100

    @Sendable func show(req: Request) async throws -> Response {
        let workspace = try await StageBoard.load(req)
        let labels = Labels(req)
        let result = try await workspace.result(req)
        let names = workspace.panelNames
        let decided = workspace.decidedShortlist(result)
        let sort = req.query[String.self, at: "sort"] ?? "rank"
        let filter = req.query[String.self, at: "filter"] ?? ""
        let order: ((ProposalResult, ProposalResult) -> Bool)?
        switch sort {
        case "mean": order = { ($0.summary?.mean ?? -1) > ($1.summary?.mean ?? -1) }
        case "range": order = { ($0.summary?.range ?? -1) > ($1.summary?.range ?? -1) }
        case "calibrated": order = { ($0.calibrated ?? -1) > ($1.calibrated ?? -1) }
        case "zfit": order = { ($0.zFit ?? -1) > ($1.zFit ?? -1) }
        default: order = nil
        }
        // Sorted and filtered on the results; only the page's rows are built.
        var listed = order.map { result.proposals.sorted(by: $0) } ?? result.proposals
        let flaggedCount = listed.filter { !$0.flags.isEmpty }.count
        if filter == "flagged" { listed = listed.filter { !$0.flags.isEmpty } }
        if filter == "shortlist" { listed = listed.filter { decided.contains(Int($0.id)) } }
        let pages = max(1, (listed.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(max(1, req.query[Int.self, at: "page"] ?? 1), pages)
        let total = listed.count
        let rows = listed.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize).map { Self.row($0, workspace, labels, decided: decided) }
        func href(sort: String, page: Int) -> String {
            var query = ["sort=\(sort)"]
            if !filter.isEmpty { query.append("filter=\(filter)") }
            if page > 1 { query.append("page=\(page)") }
            return workspace.path + "/ranking?" + query.joined(separator: "&")
        }
        let evaluators = RankingPage.evaluatorRows(result, names: names, labels: labels)
        let proposalNames = Dictionary(uniqueKeysWithValues: workspace.entries.map { (Int64($0.proposalID), $0.innovation) })
        let data = RankingPage(
            competitionID: workspace.competitionID, competition: workspace.competition.name, stageName: workspace.stageDefinition.name,
            path: workspace.path, phaseLabel: labels.t("stagePhase.\(workspace.status.rawValue)"),
            isProvisional: workspace.status == .setup || workspace.status == .scoring,
            canManage: try req.user.role == .admin, canOverride: try req.user.role == .admin && (workspace.status == .closed || workspace.status == .announced),
            basisChosen: labels.t("basis.\(result.chosenBasis.rawValue)"), basisUsed: labels.t("basis.\(result.basisUsed.rawValue)"),
            fallback: RankingPage.fallbackText(result.fallback, labels, names: names), parts: result.connectedParts,
            lambda: RankingPage.number(result.lambda), reliability: RankingPage.reliability(result.reliability, labels),
            quotaProblems: result.quotaProblems.map { $0.message.text(in: req.language) },
            seats: (result.seats ?? [:]).sorted { $0.key < $1.key }.map { "\(Self.attributeValue($0.key, workspace)): \($0.value)" },
            cutoff: RankingPage.number(result.cutoff),
            highestTotal: result.highestTotal.map { ids in ids.compactMap { proposalNames[$0] }.joined(separator: ", ") },
            shortlistCount: decided.count, rows: rows, evaluators: evaluators, chartHeight: 20 + evaluators.count * 24,
            overallX: RankingPage.x(result.overall.mean),
            sorts: ["rank", "mean", "calibrated", "zfit", "range"].map { SortLink(key: $0, label: labels.t("sort.\($0)"), href: href(sort: $0, page: 1), isActive: $0 == sort) },
            filter: filter, page: page, pages: pages,
            previousHref: page > 1 ? href(sort: sort, page: page - 1) : nil, nextHref: page < pages ? href(sort: sort, page: page + 1) : nil,
            total: total, flaggedCount: flaggedCount)
        return try await req.render("evaluation/ranking", title: req.t("ranking.title", workspace.stageDefinition.name), data)
    }

    typealias SortLink = RankingPage.SortLink

    /// A quota value as people know it: the agency's name for `instansi`, the category's for `kategori`.
    static func attributeValue(_ value: String, _ workspace: StageBoard) -> String {
        if let category = workspace.definition.category(value) { return category.name }
        if let group = workspace.definition.group(value) { return group.name }
        if let id = Int(value), let entry = workspace.entries.first(where: { workspace.tree.lineage(of: $0.agencyID).last == id }) {
            return workspace.tree.lineage(of: entry.agencyID).count == 1 ? entry.agencyDisplayName : "#\(id)"
        }
        return value.isEmpty ? "—" : value
    }

    static func row(_ result: ProposalResult, _ workspace: StageBoard, _ labels: Labels, decided: Set<Int>) -> RankingPage.Row {
        let entry = workspace.entry(proposalID: Int(result.id))
        let definition = workspace.definition
        return RankingPage.Row(
            proposalID: Int(result.id), rank: result.rank.map(String.init) ?? "—", innovation: entry?.innovation ?? "#\(result.id)",
            agency: entry?.agencyDisplayName ?? "", category: definition.category(entry?.categoryKey ?? "")?.name ?? "",
            group: definition.group(entry?.groupKey ?? "")?.name ?? "", count: result.sheets.count,
            mean: RankingPage.number(result.summary?.mean), median: RankingPage.number(result.summary?.median),
            sd: RankingPage.number(result.summary?.standardDeviation), range: RankingPage.number(result.summary?.range),
            zFit: RankingPage.number(result.zFit), calibrated: RankingPage.number(result.calibrated), official: RankingPage.number(result.official),
            flags: result.flags.map { RankingPage.flagText($0, labels, definition) }, isFlagged: !result.flags.isEmpty,
            shortlisted: decided.contains(Int(result.id)), override: entry?.overrideReason ?? "",
            skipped: RankingPage.skipText(result.skipped, labels), decidedBy: RankingPage.tieText(result.decidedAgainstNext, labels, definition))
    }

    // MARK: How one proposal's numbers were computed

    struct SheetLine: Encodable {
        let evaluator: String
        let criteria: [String]
        let total: String
        let zWorking: String
        let adjusted: String
    }

    struct Explanation: Encodable {
        let competitionID: Int
        let competition: String
        let stageName: String
        let path: String
        let proposalID: Int
        let innovation: String
        let agency: String
        let criteriaHeader: [String]
        let totalFormula: String
        let sheets: [SheetLine]
        let mean: String
        let meanWorking: String
        let median: String
        let se: String
        let zMean: String
        let fitWorking: String
        let calibratedWorking: String
        let official: String
        let officialWorking: String
        let flags: [String]
        let rank: String
        let tie: String
        let shortlisted: Bool
        let skipped: String
        let override: String
        let canOverride: Bool
    }

    @Sendable func explain(req: Request) async throws -> Response {
        let workspace = try await StageBoard.load(req)
        guard let proposalID = req.parameters.get("proposalID", as: Int.self), let entry = workspace.entry(proposalID: proposalID) else { throw Abort(.notFound) }
        let labels = Labels(req)
        let result = try await workspace.result(req)
        guard let row = result.proposal(Int64(proposalID)) else { throw Abort(.notFound) }
        let names = workspace.panelNames
        let evaluators = Dictionary(uniqueKeysWithValues: result.evaluators.map { ($0.id, $0) })
        let criteria = workspace.definition.criteria
        func n(_ value: Double?, _ digits: Int = 1) -> String { RankingPage.number(value, digits) }
        let sheets = row.sheets.map { sheet -> SheetLine in
            let evaluator = evaluators[sheet.evaluator]
            return SheetLine(
                evaluator: names[Int(sheet.evaluator)] ?? "#\(sheet.evaluator)",
                criteria: criteria.map { criterion in
                    let score = sheet.scores[criterion.key].map(String.init) ?? "—"
                    return "\(score) → \(n((sheet.scores[criterion.key].map { WeightedTotal.rescaled($0, criterion) } ?? 0) * 100, 0))"
                },
                total: n(sheet.total),
                zWorking: evaluator.map { labels.t("explain.z", n(sheet.total), n($0.zMean, 2), n($0.zStandardDeviation, 2), n(sheet.z, 3),
                                                   labels.t("zTreatment.\($0.treatment.rawValue)")) } ?? "",
                adjusted: evaluator.map { labels.t("explain.adjusted", n(sheet.total), ($0.bias >= 0 ? "+" : "−") + n(abs($0.bias), 2), n(sheet.adjusted)) } ?? "")
        }
        let totals = row.sheets.map { n($0.total) }
        var fitWorking = ""
        if let fit = result.fit, let z = row.meanZ {
            fitWorking = labels.t("explain.fit", n(fit.rawMin), n(z, 3), n(fit.zMin, 3), n(fit.rawMax), n(fit.rawMin), n(fit.zMax, 3), n(fit.zMin, 3), n(row.zFit))
        }
        let biases = row.sheets.map { sheet in (evaluators[sheet.evaluator]?.bias ?? 0) }
        let calibratedWorking = labels.t("explain.calibrated", n(result.grandMean, 2), n(result.lambda),
                                         zip(row.sheets, biases).map { "(\(n($0.total)) − \(n(result.grandMean, 2)) − (\(n($1, 2))))" }.joined(separator: " + "),
                                         String(row.sheets.count), n(row.calibrated))
        var officialWorking = labels.t("explain.basis", labels.t("basis.\(result.basisUsed.rawValue)"), n(row.stageScore))
        if let weight = workspace.rules.carryOverWeight, let previous = row.previousScore, let stageScore = row.stageScore {
            officialWorking += " " + labels.t("explain.carryOver", n((1 - weight) * 100, 0), n(stageScore), n(weight * 100, 0), n(previous), n(row.official))
        }
        if let fallback = RankingPage.fallbackText(result.fallback, labels, names: names) { officialWorking += " " + fallback }
        let decided = workspace.decidedShortlist(result).contains(proposalID)
        let data = Explanation(
            competitionID: workspace.competitionID, competition: workspace.competition.name, stageName: workspace.stageDefinition.name,
            path: workspace.path, proposalID: proposalID, innovation: entry.innovation, agency: entry.agencyName,
            criteriaHeader: criteria.map { "\($0.name) (\(n($0.weight, 0)) %, \($0.scaleMin)–\($0.scaleMax))" },
            totalFormula: labels.t("explain.total"), sheets: sheets, mean: n(row.summary?.mean),
            meanWorking: "(\(totals.joined(separator: " + "))) / \(totals.count)", median: n(row.summary?.median), se: n(row.summary?.standardError, 2),
            zMean: n(row.meanZ, 3), fitWorking: fitWorking, calibratedWorking: calibratedWorking, official: n(row.official),
            officialWorking: officialWorking, flags: row.flags.map { RankingPage.flagText($0, labels, workspace.definition) },
            rank: row.rank.map(String.init) ?? "—", tie: RankingPage.tieText(row.decidedAgainstNext, labels, workspace.definition),
            shortlisted: decided, skipped: RankingPage.skipText(row.skipped, labels), override: entry.overrideReason,
            canOverride: try req.user.role == .admin && (workspace.status == .closed || workspace.status == .announced))
        return try await req.render("evaluation/explain", title: entry.innovation, data)
    }

    struct OverrideForm: Content {
        var decision: String?
        var reason: String?
    }

    /// The committee puts a proposal on or off the shortlist against the computed result, with a written reason.
    @Sendable func override(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        guard workspace.status == .closed || workspace.status == .announced else { throw Abort(.conflict, reason: req.t("override.notClosed")) }
        guard let proposalID = req.parameters.get("proposalID", as: Int.self), let entry = workspace.entry(proposalID: proposalID) else { throw Abort(.notFound) }
        let form = try req.form(OverrideForm.self)
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw Abort(.badRequest, reason: req.t("override.reasonMissing")) }
        guard let decision = ["include": StageEntry.Decision.shortlisted, "exclude": .notShortlisted][form.decision ?? ""] else {
            throw Abort(.badRequest, reason: req.t("override.chooseDecision"))
        }
        let user = try req.user
        entry.decision = decision
        entry.overrideReason = String(reason.prefix(1000))
        try await req.db.transaction { db in
            try await entry.save(on: db)
            try await db.audit(user, "stage.override", "stage", workspace.stage?.id, "\(entry.proposal.innovation.name): \(decision.rawValue) — \(entry.overrideReason)")
        }
        req.flash(.success, req.t("override.saved", entry.proposal.innovation.name))
        return req.redirect(to: workspace.path + "/ranking/\(proposalID)")
    }

    // MARK: Exports

    @Sendable func rankingCSV(req: Request) async throws -> Response { try await export(req, kind: "ranking", xlsx: false) }
    @Sendable func rankingXLSX(req: Request) async throws -> Response { try await export(req, kind: "ranking", xlsx: true) }
    @Sendable func scoresCSV(req: Request) async throws -> Response { try await export(req, kind: "scores", xlsx: false) }
    @Sendable func scoresXLSX(req: Request) async throws -> Response { try await export(req, kind: "scores", xlsx: true) }

    private func export(_ req: Request, kind: String, xlsx: Bool) async throws -> Response {
        let labels = Labels(req)
        let workspace: any StageScope
        let rows: [[String]]
        if kind == "ranking" {
            let board = try await StageBoard.load(req)
            (workspace, rows) = (board, Self.rankingRows(board, try await board.result(req), labels))
        } else {
            let full = try await StageWorkspace.load(req)
            (workspace, rows) = (full, Self.scoreRows(full, labels))
        }
        let name = "\(kind)-\(EditionDefinition.key(from: workspace.competition.name))-\(workspace.stageDefinition.key)" + (xlsx ? ".xlsx" : ".csv")
        let bytes = xlsx ? Array(try XLSXWriter.write([Sheet(name: kind == "ranking" ? "Peringkat" : "Nilai", rows: rows)])) : Array(CSVWriter.write(rows).utf8)
        try await req.db.audit(try req.user, "stage.export", "stage", workspace.stage?.id, ExportService.auditSummary(name, bytes))
        return TransferController.download(bytes, type: xlsx ? TransferController.xlsxType : TransferController.csvType, name: name)
    }

    static func plain(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "" }

    static func rankingRows(_ workspace: StageBoard, _ result: StageResult, _ labels: Labels) -> [[String]] {
        let decided = workspace.decidedShortlist(result)
        var rows = [["rank", "proposal_id", labels.t("proposal.innovation"), labels.t("users.agency"), labels.t("proposal.category"), labels.t("proposal.group"),
                     "n", "mean", "median", "sd", "range", "z_fit", "calibrated", "official", "flags", "shortlist", "override_reason"]]
        for row in result.proposals {
            let entry = workspace.entry(proposalID: Int(row.id))
            rows.append([row.rank.map(String.init) ?? "", String(row.id), entry?.innovation ?? "", entry?.agencyName ?? "",
                         workspace.definition.category(entry?.categoryKey ?? "")?.name ?? "",
                         workspace.definition.group(entry?.groupKey ?? "")?.name ?? "", String(row.sheets.count),
                         plain(row.summary?.mean), plain(row.summary?.median), plain(row.summary?.standardDeviation), plain(row.summary?.range),
                         plain(row.zFit), plain(row.calibrated), plain(row.official),
                         row.flags.map { RankingPage.flagText($0, labels, workspace.definition) }.joined(separator: "; "),
                         decided.contains(Int(row.id)) ? "1" : "0", entry?.overrideReason ?? ""])
        }
        return rows
    }

    static func scoreRows(_ workspace: StageWorkspace, _ labels: Labels) -> [[String]] {
        let criteria = workspace.definition.criteria
        let names = Dictionary(uniqueKeysWithValues: workspace.panel.map { ($0.$user.id, $0.user.name) })
        var rows = [["proposal_id", labels.t("proposal.innovation"), "evaluator", "status"] + criteria.map(\.key) + ["total"] + criteria.map { "comment_\($0.key)" } + ["comment_general"]]
        for assessment in workspace.assessments.sorted(by: { ($0.$proposal.id, $0.$evaluator.id) < ($1.$proposal.id, $1.$evaluator.id) }) {
            let scores = assessment.scores, comments = assessment.comments
            rows.append([String(assessment.$proposal.id), workspace.entry(proposalID: assessment.$proposal.id)?.proposal.innovation.name ?? "",
                         names[assessment.$evaluator.id] ?? "", assessment.status.rawValue]
                        + criteria.map { scores[$0.key].map(String.init) ?? "" }
                        + [scores.isEmpty ? "" : plain(WeightedTotal.total(scores, criteria: criteria))]
                        + criteria.map { comments[$0.key] ?? "" } + [comments["general"] ?? ""])
        }
        return rows
    }
}
