import Fluent
import LumbungCore
import LumbungSpreadsheet
import Vapor

/// What-if, the gaps report and the export of one year of the index.
struct IndexToolsController {
    struct Side: Encodable {
        let index: String
        let className: String
        let breakdown: [LabelledValue]
    }

    struct ChangeRow: Encodable {
        let number: Int
        let innovations: [Choice]
        let indicators: [Choice]
        let level: String
    }

    /// `GET /index/:year/what-if`: nothing is saved; the question is in the address, so it can be
    /// shared. Up to five level changes (`c1i` innovation or `spd`, `c1k` indicator, `c1l`
    /// level), dropped innovations (`drop`), and hypothetical innovations (`add`, `addLevel`).
    @Sendable func whatIf(req: Request) async throws -> Response {
        let year = try await req.indexYear()
        let labels = Labels(req)
        let base = year.counted
        var changes: [IndexChange] = []
        var problems: [String] = []
        var rows: [ChangeRow] = []
        let innovations = year.innovations.values.sorted { $0.name < $1.name }
        let indicatorChoices = { (chosen: String) in
            [Choice(value: "", label: "—", selected: chosen.isEmpty)]
                + (year.set.regionIndicators + year.set.innovationIndicators).map { Choice(value: $0.key, label: "\($0.number). \($0.name)", selected: $0.key == chosen) }
        }
        for number in 1...5 {
            let who = req.query[String.self, at: "c\(number)i"] ?? ""
            let key = (req.query[String.self, at: "c\(number)k"] ?? "").trimmingCharacters(in: .whitespaces)
            let levelText = (req.query[String.self, at: "c\(number)l"] ?? "").trimmingCharacters(in: .whitespaces)
            rows.append(ChangeRow(number: number,
                                  innovations: [Choice(value: "spd", label: req.t("whatIf.region"), selected: who == "spd")]
                                    + innovations.map { Choice(value: String($0.id!), label: $0.name, selected: String($0.id!) == who) },
                                  indicators: indicatorChoices(key), level: levelText))
            guard !key.isEmpty else { continue }
            guard let level = Int(levelText) else {
                problems.append(req.t("whatIf.levelBad", String(number), levelText))
                continue
            }
            let target: Int64? = who == "spd" ? nil : Int64(who)
            if who != "spd" && target == nil {
                problems.append(req.t("whatIf.innovationMissing", String(number)))
                continue
            }
            changes.append(.setLevel(innovation: target, indicator: key, level: level))
        }
        let dropped = Set((req.query[[String].self, at: "drop"] ?? []).compactMap { Int64($0) })
        changes += dropped.sorted().map { IndexChange.drop($0) }
        let addCount = min(max(req.query[Int.self, at: "add"] ?? 0, 0), 200)
        let addLevel = req.query[Int.self, at: "addLevel"] ?? 2
        let affairs = Set(req.query[[String].self, at: "addAffair"] ?? [])
        if addCount > 0 {
            for offset in 0..<addCount {
                let levels = Dictionary(uniqueKeysWithValues: year.set.innovationIndicators.map { ($0.key, min(max(addLevel, 0), $0.levels)) })
                changes.append(.add(IndexedInnovation(id: -Int64(offset + 1), name: req.t("whatIf.hypothetical", String(offset + 1)), affairs: affairs, levels: levels)))
            }
        }
        var after: IndexResult?
        if problems.isEmpty && !changes.isEmpty {
            do throws(IndexProblem) {
                after = InnovationIndex.compute(try base.applying(changes, in: year.set), with: year.set)
            } catch {
                problems.append(error.message.text(in: req.language))
            }
        }
        let now = InnovationIndex.compute(base, with: year.set)
        let crossing = after.flatMap { result -> String? in
            guard result.indexClass != now.indexClass else { return nil }
            return req.t("whatIf.crosses", now.indexClass.name, result.indexClass.name)
        }
        struct Data: Encodable {
            let year: Int; let name: String; let now: Side; let after: Side?; let crossing: String?; let problems: [String]; let rows: [ChangeRow]
            let dropChoices: [Choice]; let add: Int; let addLevel: Int; let affairs: [Choice]; let asked: Bool; let classes: [LabelledValue]
        }
        let data = Data(year: year.set.year, name: year.set.name, now: Self.side(now, year.set, labels),
                        after: after.map { Self.side($0, year.set, labels) }, crossing: crossing, problems: problems, rows: rows,
                        dropChoices: innovations.map { Choice(value: String($0.id!), label: $0.name, selected: dropped.contains(Int64($0.id!))) },
                        add: addCount, addLevel: addLevel,
                        affairs: InnovationIndex.basicServices.map { Choice(value: $0, label: labels.affair($0), selected: affairs.contains($0)) },
                        asked: !changes.isEmpty || !problems.isEmpty, classes: IndexController.classLines(year.set))
        return try await req.render("index/what-if", title: req.t("whatIf.title", year.set.name), data, status: problems.isEmpty ? .ok : .badRequest)
    }

    static func side(_ result: IndexResult, _ set: IndicatorSet, _ labels: Labels) -> Side {
        Side(index: IndexNumber.text(result.index), className: result.indexClass.name, breakdown: IndexController.breakdown(result, set, labels))
    }

    @Sendable func gaps(req: Request) async throws -> Response {
        let year = try await req.indexYear()
        struct Row: Encodable { let innovation: String; let href: String; let indicator: String; let level: Int; let reason: String; let gain: String }
        let gaps = year.gaps()
        let rows = gaps.map { gap in
            let id = gap.answer.innovationID!
            let indicator = year.set.indicator(gap.answer.indicatorKey)
            return Row(innovation: year.innovations[id]?.name ?? "", href: "/index/\(year.set.year)/innovations/\(id)#indicator-\(gap.answer.indicatorKey)",
                       indicator: indicator.map { "\($0.number). \($0.name) — \($0.evidence)" } ?? gap.answer.indicatorKey, level: gap.answer.level,
                       reason: gap.answer.validation == .rejected ? req.t("gaps.rejected", gap.answer.comment) : req.t("gaps.missing"),
                       gain: "+" + IndexNumber.text(gap.gain))
        }
        let total = gaps.map(\.gain).reduce(0, +)
        struct Data: Encodable { let year: Int; let name: String; let rows: [Row]; let index: String; let total: String }
        return try await req.render("index/gaps", title: req.t("gaps.title", year.set.name),
                                    Data(year: year.set.year, name: year.set.name, rows: rows, index: IndexNumber.text(year.result.index), total: IndexNumber.text(total)))
    }

    @Sendable func exportCSV(req: Request) async throws -> Response { try await export(req, xlsx: false) }
    @Sendable func exportXLSX(req: Request) async throws -> Response { try await export(req, xlsx: true) }

    /// Close to the IID app's layout: one row per innovation, for each indicator its level and
    /// its evidence; the XLSX adds the summary and the SPD answers.
    private func export(_ req: Request, xlsx: Bool) async throws -> Response {
        let year = try await req.indexYear()
        let labels = Labels(req)
        let set = year.set
        let result = year.result
        var innovationRows = [["No", "Nama Inovasi", "Perangkat Daerah", "Bentuk Inovasi", "Jenis Inovasi", "Tahapan Inovasi", "Urusan Pemerintahan",
                               "Waktu Uji Coba", "Waktu Penerapan", "Skor", "Dinilai"]
                              + set.innovationIndicators.flatMap { ["\($0.number). \($0.name)", "Bukti \($0.number)"] }]
        let scores = Dictionary(result.innovations.map { (Int($0.id), $0) }, uniquingKeysWith: { a, _ in a })
        for (position, innovation) in year.innovations.values.sorted(by: { $0.id! < $1.id! }).enumerated() {
            let answers = year.answers(for: innovation.id!)
            let score = scores[innovation.id!]
            innovationRows.append([String(position + 1), innovation.name, innovation.agency.name, labels.category(innovation.category),
                                   labels.deliveryMode(innovation.deliveryMode), labels.stage(innovation.stage), labels.affair(innovation.mainAffair),
                                   innovation.trialStart ?? "", innovation.implementationStart ?? "", score.map { IndexNumber.text($0.points) } ?? "",
                                   score?.isScored == false ? "Tidak (perlu pengembangan)" : "Ya"]
                                  + set.innovationIndicators.flatMap { indicator -> [String] in
                                      let answer = answers[indicator.key]
                                      let file = answer?.evidenceID.flatMap { year.evidence[$0] }?.fileName ?? ""
                                      return [answer.map { String($0.level) } ?? "", answer?.validation == .rejected ? "\(file) (ditolak)" : file]
                                  })
        }
        let name = "iid-\(set.year)" + (xlsx ? ".xlsx" : ".csv")
        let bytes: [UInt8]
        if xlsx {
            let summary = [["Komponen", "Nilai"]] + IndexController.breakdown(result, set, labels).map { [$0.label, $0.value] }
            let regionAnswers = year.answers(for: nil)
            let region = [["No", "Indikator", "Tingkat", "Bobot", "Nilai", "Validasi"]] + set.regionIndicators.map { indicator in
                let answer = regionAnswers[indicator.key]
                return [String(indicator.number), indicator.name, answer.map { String($0.level) } ?? "", IndexNumber.text(indicator.weight),
                        IndexNumber.text(Double(answer?.countedLevel ?? 0) * indicator.weight), answer.map { labels.t("validation.\($0.validation.rawValue)") } ?? ""]
            }
            bytes = Array(try XLSXWriter.write([Sheet(name: "Ringkasan", rows: summary), Sheet(name: "SPD", rows: region), Sheet(name: "SID", rows: innovationRows)]))
        } else {
            bytes = Array(CSVWriter.write(innovationRows).utf8)
        }
        try await req.db.audit(try req.user, "index.export", "index", year.record.id, ExportService.auditSummary(name, bytes))
        return TransferController.download(bytes, type: xlsx ? TransferController.xlsxType : TransferController.csvType, name: name)
    }
}
