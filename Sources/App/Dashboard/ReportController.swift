import Fluent
import LumbungCore
import Vapor

/// The leadership dashboard: the province on one page, charts drawn on the server as SVG
/// (no script, no CDN), each with its table, and printable on one A4 page.
struct ReportController {
    struct Figure: Encodable {
        let id: String
        let label: String
        let value: String
    }

    struct ChartView: Encodable {
        let chart: BarChart
        let headers: [String]
        let rows: [LabelledValue]
        let note: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        let labels = Labels(req)
        let coverage = try await CoverageReader(db: req.db).coverage()
        let innovations = coverage.innovations
        let number = { (value: Int) in labels.number(value) }
        var charts: [ChartView] = []
        func chart(_ id: String, _ title: String, _ values: [(String, Int)], header: String, note: String? = nil) -> ChartView {
            ChartView(chart: BarChart(id: id, title: title, values: values.map { ($0.0, Double($0.1), number($0.1)) }),
                      headers: [header, labels.t("report.innovations")], rows: values.map { LabelledValue(label: $0.0, value: number($0.1)) }, note: note)
        }

        let agencyNames = Dictionary(try await Agency.query(on: req.db).all().map { ($0.id!, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let perAgency = Dictionary(grouping: innovations, by: \.agencyID).map { (agencyNames[$0.key] ?? "#\($0.key)", $0.value.count) }
            .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        let shown = Array(perAgency.prefix(12))
        let rest = perAgency.dropFirst(12)
        let agencyValues = shown + (rest.isEmpty ? [] : [(labels.t("report.otherAgencies", number(rest.count)), rest.map(\.1).reduce(0, +))])
        charts.append(chart("by-agency", labels.t("report.byAgency"), agencyValues, header: labels.t("users.agency")))
        charts.append(chart("by-category", labels.t("dashboard.byCategory"),
                            InnovationCategory.allCases.map { c in (labels.category(c), innovations.filter { $0.category == c }.count) }.filter { $0.1 > 0 },
                            header: labels.t("field.category")))
        let years = Dictionary(grouping: innovations.compactMap(\.startYear), by: { $0 }).sorted { $0.key < $1.key }.map { (String($0.key), $0.value.count) }
        charts.append(chart("by-year", labels.t("report.byYear"), years, header: labels.t("report.year")))

        // The latest round: its progress.
        var roundName: String?
        if let round = try await InventoryRound.query(on: req.db).sort(\.$createdAt, .descending).sort(\.$id, .descending).first() {
            let progress = try await InventoryProgressReader(db: req.db).progress(of: round, today: req.today)
            roundName = round.name
            let values = AgencyRoundState.allCases.map { state in (labels.t("roundState.\(state.rawValue)"), progress.filter { $0.state == state }.count) }
                + [(labels.t("report.late"), progress.filter(\.isLate).count)]
            charts.append(ChartView(chart: BarChart(id: "round", title: labels.t("report.round", round.name), values: values.map { ($0.0, Double($0.1), number($0.1)) }),
                      headers: [labels.t("report.state"), labels.t("report.agencies")], rows: values.map { LabelledValue(label: $0.0, value: number($0.1)) },
                      note: round.isOpen ? labels.t("report.roundDeadline", labels.date(round.deadline)) : labels.t("inventory.closedOn", labels.date(round.closedOn))))
        }
        charts.append(chart("basic-services", labels.t("report.basicServices"), coverage.basicServices.map { (labels.affair($0.code), $0.innovations) },
                            header: labels.t("report.affair"), note: labels.t("report.basicServicesNote", String(coverage.basicServicesCovered))))

        // The index: the latest year's breakdown and every year's value.
        let records = try await IndicatorSetRecord.query(on: req.db).sort(\.$year).all()
        var trend: [(String, Double, String)] = []
        var latest: (IndexYear, IndexResult)?
        for record in records {
            let year = try await IndexYear.load(record, on: req.db, today: req.today)
            guard !year.innovations.isEmpty else { continue }
            let result = year.result
            trend.append((String(record.year), result.index, "\(IndexNumber.text(result.index)) — \(result.indexClass.name)"))
            latest = (year, result)
        }
        if let (year, result) = latest {
            let set = year.set
            let parts: [(String, Double, Double)] = [(labels.t("index.regionShort"), result.regionPoints, set.regionMaximum),
                                                     (labels.t("index.innovationShort"), result.innovationAverage, set.innovationMaximum),
                                                     (labels.t("index.countShort"), result.countPoints, set.countRule.maximum)]
            charts.append(ChartView(
                chart: BarChart(id: "iid-breakdown", title: labels.t("report.iidBreakdown", set.name),
                                values: parts.map { ($0.0, $0.2 > 0 ? $0.1 / $0.2 * 100 : 0, "\(IndexNumber.text($0.1)) / \(IndexNumber.text($0.2))") }, maximum: 100),
                headers: [labels.t("report.component"), labels.t("report.points")],
                rows: parts.map { LabelledValue(label: $0.0, value: "\(IndexNumber.text($0.1)) / \(IndexNumber.text($0.2))") }, note: labels.t("report.iidNote")))
            let top = set.classes.first
            charts.append(ChartView(
                chart: BarChart(id: "iid-trend", title: labels.t("report.iidTrend"), values: trend, maximum: 100,
                                mark: top.map { ($0.above, "\($0.name) \(IndexNumber.text($0.above))") }),
                headers: [labels.t("report.year"), labels.t("index.value")], rows: trend.map { LabelledValue(label: $0.0, value: $0.2) }, note: nil))
        }

        let without = coverage.agenciesWithout(countingChildren: false)
        let opd = coverage.agencies.filter { !$0.kind.isRegional }
        var figures = [
            Figure(id: "figure-total", label: labels.t("dashboard.total"), value: number(innovations.count)),
        ] + InnovationCategory.allCases.compactMap { c in
            let count = innovations.filter { $0.category == c }.count
            return count == 0 ? nil : Figure(id: "figure-\(c.rawValue)", label: labels.category(c), value: number(count))
        } + [
            Figure(id: "figure-without", label: labels.t("report.agenciesWithout", number(opd.count)), value: number(without.count)),
            Figure(id: "figure-basic", label: labels.t("report.basicCovered"), value: "\(coverage.basicServicesCovered) / 6"),
        ]
        if let (year, result) = latest {
            figures.append(Figure(id: "figure-iid", label: year.set.name, value: "\(IndexNumber.text(result.index)) — \(result.indexClass.name)"))
        }
        struct Data: Encodable { let figures: [Figure]; let charts: [ChartView]; let generated: String; let without: [String]; let roundName: String? }
        return try await req.render("report/report", title: req.t("report.title"),
                                    Data(figures: figures, charts: charts, generated: labels.dateTime(req.application.clock.now()),
                                         without: without.map(\.name), roundName: roundName))
    }
}
