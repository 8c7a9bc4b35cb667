import Fluent
import LumbungCore
import Vapor

/// `GET /innovations`: the registry as a filterable, sortable list.
struct InnovationListController {
    static let pageSize = 50

    /// The query string, read leniently: an unknown value is ignored, never a 500.
    struct Filter {
        var agencyID: Int?
        var category: InnovationCategory?
        var deliveryMode: DeliveryMode?
        var stage: Stage?
        var status: ReviewStatus?
        var year: Int?
        var text: String
        var sort: String
        var page: Int

        init(_ req: Request) {
            func value(_ name: String) -> String? {
                guard let v = req.query[String.self, at: name], !v.isEmpty else { return nil }
                return v
            }
            agencyID = value("agency").flatMap { Int($0) }
            category = value("category").flatMap(InnovationCategory.init(rawValue:))
            deliveryMode = value("mode").flatMap(DeliveryMode.init(rawValue:))
            stage = value("stage").flatMap(Stage.init(rawValue:))
            status = value("status").flatMap(ReviewStatus.init(rawValue:))
            year = value("year").flatMap { Int($0) }.flatMap { (1900...2200).contains($0) ? $0 : nil }
            text = String((value("q") ?? "").prefix(200))
            sort = ["name", "updated", "year", "agency"].contains(value("sort") ?? "") ? value("sort")! : "updated"
            page = max(1, min(10_000, value("page").flatMap { Int($0) } ?? 1))
        }

        func queryString(page: Int? = nil) -> String {
            var items: [(String, String)] = []
            if let agencyID { items.append(("agency", String(agencyID))) }
            if let category { items.append(("category", category.rawValue)) }
            if let deliveryMode { items.append(("mode", deliveryMode.rawValue)) }
            if let stage { items.append(("stage", stage.rawValue)) }
            if let status { items.append(("status", status.rawValue)) }
            if let year { items.append(("year", String(year))) }
            if !text.isEmpty { items.append(("q", text)) }
            items.append(("sort", sort))
            if let page { items.append(("page", String(page))) }
            return items.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                .joined(separator: "&")
        }
    }

    struct Row: Encodable {
        let id: Int
        let name: String
        let acronym: String
        let agencyName: String
        let categoryLabel: String
        let stageLabel: String
        let status: String
        let statusLabel: String
        let isPublic: Bool
        let year: String
        let updated: String
    }

    struct ListData: Encodable {
        let rows: [Row]
        let total: String
        let showsAgencyFilter: Bool
        let agencies: [Choice]
        let categories: [Choice]
        let modes: [Choice]
        let stages: [Choice]
        let statuses: [Choice]
        let years: [Choice]
        let sorts: [Choice]
        let text: String
        let previousHref: String?
        let nextHref: String?
        let pageLabel: String
        let canCreate: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let user = try req.user
        let labels = Labels(req)
        var filter = Filter(req)
        let visibility = InnovationVisibility(user)
        let page = try await Self.page(filter, visibility: visibility, on: req.db)

        let rows = try page.items.map { innovation -> Row in
            return Row(id: try innovation.requireID(), name: innovation.name, acronym: innovation.acronym,
                       agencyName: innovation.agency.displayName, categoryLabel: labels.category(innovation.category),
                       stageLabel: labels.stage(innovation.stage), status: innovation.status.rawValue,
                       statusLabel: labels.status(innovation.status), isPublic: innovation.isPublic,
                       year: innovation.startYear.map(String.init) ?? "—", updated: labels.dateTime(innovation.updatedAt))
        }

        let agencies = visibility.scope == .everything ? try await Agency.query(on: req.db).sort(\.$name).all() : []
        let years = try await visibility.restrict(Innovation.query(on: req.db)).filter(\.$startYear != nil)
            .unique().all(\.$startYear).compactMap { $0 }.sorted(by: >)
        func options<E: CaseIterable & RawRepresentable>(_ type: E.Type, _ selected: E?, _ label: (E) -> String) -> [Choice]
        where E.RawValue == String, E: Equatable {
            type.allCases.map { Choice(value: $0.rawValue, label: label($0), selected: $0 == selected) }
        }
        let pages = max(1, (page.total + Self.pageSize - 1) / Self.pageSize)
        let data = ListData(
            rows: rows, total: labels.number(page.total),
            showsAgencyFilter: visibility.scope == .everything,
            agencies: try agencies.map { Choice(value: String(try $0.requireID()), label: $0.name, selected: $0.id == filter.agencyID) },
            categories: options(InnovationCategory.self, filter.category, labels.category),
            modes: options(DeliveryMode.self, filter.deliveryMode, labels.deliveryMode),
            stages: options(Stage.self, filter.stage, labels.stage),
            statuses: options(ReviewStatus.self, filter.status, labels.status),
            years: years.map { Choice(value: String($0), label: String($0), selected: $0 == filter.year) },
            sorts: ["updated", "name", "year", "agency"].map { Choice(value: $0, label: labels.t("sort.\($0)"), selected: $0 == filter.sort) },
            text: filter.text,
            previousHref: filter.page > 1 ? "/innovations?" + filter.queryString(page: filter.page - 1) : nil,
            nextHref: filter.page < pages ? "/innovations?" + filter.queryString(page: filter.page + 1) : nil,
            pageLabel: labels.t("list.page", String(min(filter.page, pages)), String(pages)),
            canCreate: user.role == .admin || (user.role == .operator && visibility.scope != .nothing))
        return try await req.render("registry/innovation-list", title: req.t("innovations.title"), data)
    }

    /// One page of the filtered registry: the total and the page's ids come from the list
    /// indexes (no join unless sorting by agency name), then only those rows are read whole.
    static func page(_ filter: Filter, visibility: InnovationVisibility, on db: any Database) async throws
        -> (items: [Innovation], total: Int) {
        func filtered() -> QueryBuilder<Innovation> {
            let query = visibility.restrict(Innovation.query(on: db))
            if let agencyID = filter.agencyID { query.filter(\.$agency.$id == agencyID) }
            if let category = filter.category { query.filter(\.$category == category) }
            if let mode = filter.deliveryMode { query.filter(\.$deliveryMode == mode) }
            if let stage = filter.stage { query.filter(\.$stage == stage) }
            if let status = filter.status { query.filter(\.$status == status) } else { query.filter(\.$status != .archived) }
            if let year = filter.year { query.filter(\.$startYear == year) }
            if !filter.text.isEmpty {
                let needle = InnovationProfile.nameKey(filter.text)
                query.group(.or) { $0.filter(\.$nameKey ~~ needle).filter(\.$acronym ~~ filter.text.uppercased()) }
            }
            return query
        }
        let total = try await filtered().count()
        let ordered = filtered()
        switch filter.sort {
        case "name": ordered.sort(\.$nameKey).sort(\.$id)
        case "year": ordered.sort(\.$startYear, .descending).sort(\.$nameKey).sort(\.$id)
        case "agency":
            ordered.join(Agency.self, on: \Innovation.$agency.$id == \Agency.$id).sort(Agency.self, \.$name).sort(\.$nameKey)
        default: ordered.sort(\.$updatedAt, .descending).sort(\.$id, .descending)
        }
        let offset = (filter.page - 1) * pageSize
        let ids = try await ordered.range(offset..<(offset + pageSize)).all(\.$id)
        guard !ids.isEmpty else { return ([], total) }
        let byID = Dictionary(uniqueKeysWithValues: try await Innovation.query(on: db).filter(\.$id ~~ ids).with(\.$agency).all()
            .map { ($0.id!, $0) })
        return (ids.compactMap { byID[$0] }, total)
    }
}
