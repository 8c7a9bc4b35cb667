import Fluent
import LumbungCore
import LumbungSpreadsheet
import Vapor

/// What the Biro takes to Sinovik: a print page per proposal in the edition's section order, a
/// plain-text view with each section ready to paste and its word count, and the edition's
/// proposals as XLSX or CSV.
struct HandOffController {
    struct PrintData: Encodable {
        struct Part: Encodable {
            let title: String
            let text: String
            let count: String
        }
        let backHref: String
        let competition: String
        let innovation: String
        let agency: String
        let group: String
        let category: String
        let status: String
        let videoURL: String
        let sdgs: [String]
        let parts: [Part]
        let documents: [String]
    }

    @Sendable func print(req: Request) async throws -> Response {
        let proposal = try await req.proposalFromPath()
        let labels = Labels(req)
        let definition = proposal.competition.definition
        let files = try await AttachmentStore(db: req.db).current(.proposal, try proposal.requireID())
        let names = Dictionary(definition.documents.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        let data = PrintData(
            backHref: "/proposals/\(try proposal.requireID())", competition: proposal.competition.name, innovation: proposal.innovation.name, agency: proposal.agency.name,
            group: definition.group(proposal.groupKey)?.name ?? proposal.groupKey,
            category: definition.category(proposal.categoryKey)?.name ?? proposal.categoryKey,
            status: labels.t("proposalStatus.\(proposal.status.rawValue)"), videoURL: proposal.videoURL,
            sdgs: proposal.sdgs.map(labels.sdg),
            parts: definition.sections(for: proposal.groupKey).map { section in
                let text = proposal.sections[section.key] ?? ""
                return PrintData.Part(title: section.title, text: text,
                                      count: labels.t("proposal.wordCount", labels.number(WordCounter.count(text)), labels.number(section.maxWords)))
            },
            documents: files.map { "\(names[$0.purpose] ?? $0.purpose): \($0.fileName)" })
        return try await req.renderDocument("competitions/proposal-print", title: proposal.innovation.name, data)
    }

    /// Each section under its title and count, separated so that it can be copied into Sinovik's
    /// fields one by one.
    @Sendable func text(req: Request) async throws -> Response {
        let proposal = try await req.proposalFromPath()
        let labels = Labels(req)
        let definition = proposal.competition.definition
        var lines = ["\(proposal.competition.name) — \(proposal.innovation.name)", proposal.agency.name,
                     "\(labels.t("proposal.group")): \(definition.group(proposal.groupKey)?.name ?? proposal.groupKey)",
                     "\(labels.t("proposal.category")): \(definition.category(proposal.categoryKey)?.name ?? proposal.categoryKey)",
                     "\(labels.t("field.videoURL")): \(proposal.videoURL)",
                     "\(labels.t("field.sdgs")): \(proposal.sdgs.map(String.init).joined(separator: ", "))", ""]
        for section in definition.sections(for: proposal.groupKey) {
            let text = proposal.sections[section.key] ?? ""
            lines += ["==== \(section.title) (\(labels.t("proposal.wordCount", labels.number(WordCounter.count(text)), labels.number(section.maxWords)))) ====",
                      text, ""]
        }
        let response = Response(status: .ok, body: .init(string: lines.joined(separator: "\n")))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func exportXLSX(req: Request) async throws -> Response {
        let (competition, rows) = try await table(req)
        let bytes = Array(try XLSXWriter.write([Sheet(name: "Proposal", rows: rows)]))
        let name = "proposal-\(EditionDefinition.key(from: competition.name)).xlsx"
        try await req.db.audit(try req.user, "competition.export", "competition", competition.id, ExportService.auditSummary(name, bytes))
        return TransferController.download(bytes, type: TransferController.xlsxType, name: name)
    }

    @Sendable func exportCSV(req: Request) async throws -> Response {
        let (competition, rows) = try await table(req)
        let bytes = Array(CSVWriter.write(rows).utf8)
        let name = "proposal-\(EditionDefinition.key(from: competition.name)).csv"
        try await req.db.audit(try req.user, "competition.export", "competition", competition.id, ExportService.auditSummary(name, bytes))
        return TransferController.download(bytes, type: TransferController.csvType, name: name)
    }

    /// One row per proposal: agency, innovation, group, category, status, outcomes, and each
    /// section's word count.
    private func table(_ req: Request) async throws -> (Competition, [[String]]) {
        let competition = try await req.competitionFromPath()
        let definition = competition.definition
        let labels = Labels(req)
        let proposals = try await EditionPage.visibleProposals(req, competitionID: try competition.requireID())
        let awards = try await Award.query(on: req.db).filter(\.$competition.$id == competition.requireID()).sort(\.$id).all()
        let outcomes = Dictionary(grouping: awards) { $0.$proposal.id ?? 0 }
        let sectionKeys = (definition.baseSections + definition.groups.flatMap(\.extraSections)).map { ($0.key, $0.title) }
        var rows = [["id", labels.t("users.agency"), labels.t("proposal.innovation"), labels.t("proposal.group"), labels.t("proposal.category"),
                     labels.t("filter.status"), labels.t("outcomes.title")] + sectionKeys.map { "\($0.1) (\(labels.t("proposal.words")))" }]
        for proposal in proposals.sorted(by: { ($0.agency.name, $0.innovation.name) < ($1.agency.name, $1.innovation.name) }) {
            let sections = Set(definition.sections(for: proposal.groupKey).map(\.key))
            rows.append([String(proposal.id!), proposal.agency.name, proposal.innovation.name,
                         definition.group(proposal.groupKey)?.name ?? proposal.groupKey,
                         definition.category(proposal.categoryKey)?.name ?? proposal.categoryKey,
                         labels.t("proposalStatus.\(proposal.status.rawValue)"),
                         (outcomes[proposal.id!] ?? []).map(\.label).joined(separator: "; ")]
                        + sectionKeys.map { sections.contains($0.0) ? String(WordCounter.count(proposal.sections[$0.0] ?? "")) : "" })
        }
        return (competition, rows)
    }
}
