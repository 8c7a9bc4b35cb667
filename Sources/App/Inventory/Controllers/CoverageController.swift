import Fluent
import LumbungCore
import Vapor

/// Coverage: agencies with no innovation (by bentuk, jenis, tahapan and year, with or without
/// their child units), the six urusan wajib pelayanan dasar, ageing alerts, and Desa Inovasi.
struct CoverageController {
    struct AgencyRow: Encodable {
        let id: Int
        let name: String
        let kind: String
    }

    struct BasicServiceRow: Encodable {
        let name: String
        let count: String
        let covered: Bool
    }

    struct AlertRow: Encodable {
        let id: Int
        let name: String
        let detail: String
    }

    struct Filters: Encodable {
        let categories: [Choice]
        let deliveryModes: [Choice]
        let stages: [Choice]
        let years: [Choice]
        let countingChildren: Bool
    }

    @Sendable func show(req: Request) async throws -> Response {
        let labels = Labels(req)
        let filter = CoverageFilter(
            category: req.query[String.self, at: "category"].flatMap(InnovationCategory.init(rawValue:)),
            deliveryMode: req.query[String.self, at: "deliveryMode"].flatMap(DeliveryMode.init(rawValue:)),
            stage: req.query[String.self, at: "stage"].flatMap(Stage.init(rawValue:)),
            year: req.query[String.self, at: "year"].flatMap { Int($0) })
        let countingChildren = req.query[String.self, at: "children"] != "own"
        let reader = CoverageReader(db: req.db)
        let coverage = try await reader.coverage()
        let without = coverage.agenciesWithout(filter, countingChildren: countingChildren)
        let names = Dictionary(coverage.innovations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let alerts = coverage.ageingAlerts(try await reader.openAgeRules(now: req.application.clock.now()), today: req.today).map {
            AlertRow(id: $0.innovation.id, name: names[$0.innovation.id] ?? "",
                     detail: req.t("coverage.ageingDetail", $0.group, $0.edition, labels.date($0.due.description), labels.date($0.closes.description)))
        }
        let development = coverage.needingDevelopment(today: req.today).map {
            AlertRow(id: $0.id, name: $0.name, detail: req.t("coverage.developmentDetail", labels.date($0.implementationStart?.description)))
        }
        let years = Set(coverage.innovations.compactMap(\.startYear)).sorted()
        func choices<E: CaseIterable & RawRepresentable>(_ type: E.Type, _ chosen: E?, _ label: (E) -> String) -> [Choice] where E.RawValue == String, E: Equatable {
            type.allCases.map { Choice(value: $0.rawValue, label: label($0), selected: $0 == chosen) }
        }
        struct Data: Encodable {
            let without: [AgencyRow]; let withoutCount: String; let activeCount: String; let filters: Filters
            let basicServices: [BasicServiceRow]; let basicCovered: String; let ageing: [AlertRow]; let development: [AlertRow]
        }
        let counted = coverage.agencies.filter { !$0.kind.isRegional }
        let data = Data(
            without: without.map { AgencyRow(id: $0.id, name: $0.name, kind: labels.agencyKind($0.kind)) },
            withoutCount: labels.number(without.count), activeCount: labels.number(counted.count),
            filters: Filters(categories: choices(InnovationCategory.self, filter.category, labels.category),
                             deliveryModes: choices(DeliveryMode.self, filter.deliveryMode, labels.deliveryMode),
                             stages: choices(Stage.self, filter.stage, labels.stage),
                             years: years.map { Choice(value: String($0), label: String($0), selected: $0 == filter.year) },
                             countingChildren: countingChildren),
            basicServices: coverage.basicServices.map { BasicServiceRow(name: labels.affair($0.code), count: labels.number($0.innovations), covered: $0.innovations > 0) },
            basicCovered: labels.number(coverage.basicServicesCovered), ageing: alerts, development: development)
        return try await req.render("inventory/coverage", title: req.t("coverage.title"), data)
    }

    @Sendable func villages(req: Request) async throws -> Response {
        let labels = Labels(req)
        let coverage = try await CoverageReader(db: req.db).coverage()
        struct Village: Encodable { let id: Int; let name: String; let innovations: [AlertRow] }
        struct Group: Encodable { let id: Int?; let name: String; let kind: String; let villages: [Village]; let withoutCount: String; let isEmpty: Bool }
        let groups = coverage.villageGroups.map { group in
            Group(id: group.parent?.id, name: group.parent?.name ?? req.t("villages.noParent"), kind: group.parent.map { labels.agencyKind($0.kind) } ?? "",
                  villages: group.villages.map { entry in
                      Village(id: entry.village.id, name: entry.village.name,
                              innovations: entry.innovations.map { AlertRow(id: $0.id, name: $0.name, detail: labels.category($0.category)) })
                  },
                  withoutCount: labels.number(group.withoutInnovation), isEmpty: group.villages.allSatisfy { $0.innovations.isEmpty })
        }
        // Kecamatan without any village of their own in the registry have none to show either.
        let parents = Set(coverage.agencies.compactMap { $0.isVillage ? $0.parentID : nil })
        let emptyDistricts = coverage.agencies.filter { $0.kind == .district && !parents.contains($0.id) }
            .filter { district in !coverage.innovations.contains { $0.agencyID == district.id } }
            .map { AgencyRow(id: $0.id, name: $0.name, kind: labels.agencyKind($0.kind)) }
        struct Data: Encodable { let groups: [Group]; let villageCount: String; let withInnovation: String; let parentsWithout: [AgencyRow]; let emptyDistricts: [AgencyRow] }
        let villages = coverage.agencies.filter(\.isVillage)
        let owners = Set(coverage.innovations.map(\.agencyID))
        let data = Data(groups: groups, villageCount: labels.number(villages.count), withInnovation: labels.number(villages.filter { owners.contains($0.id) }.count),
                        parentsWithout: coverage.villageParentsWithout.map { AgencyRow(id: $0.id, name: $0.name, kind: labels.agencyKind($0.kind)) },
                        emptyDistricts: emptyDistricts)
        return try await req.render("inventory/villages", title: req.t("villages.title"), data)
    }
}
