import Fluent
import LumbungCore
import SQLKit
import Vapor

/// The public catalogue: search with facets, published innovation pages, agency pages. No login.
struct CatalogueController {
    /// The words of a result's snippet.
    static let snippetWords = 36

    struct HitView {
        let id: Int
        let name: String
        let acronym: String
        let agencyName: String
        let agencyHref: String
        let categoryLabel: String
        let stageLabel: String
        let year: String
        let snippet: [HighlightSegment]
        let title: [HighlightSegment]
    }

    struct FacetView {
        let name: String
        let label: String
        let values: [FacetValueView]
    }

    struct FacetValueView {
        let label: String
        let count: String
        let href: String
        let selected: Bool
    }

    struct SearchData {
        let text: String
        let total: String
        let hits: [HitView]
        let facets: [FacetView]
        let problems: [String]
        let previousHref: String?
        let nextHref: String?
        let pageLabel: String
        let relevanceHref: String
        let newestHref: String
        let sortedByNewest: Bool
        let apiHref: String
        let csvHref: String
        let agencyHeading: String?
    }

    @Sendable func search(req: Request) async throws -> Response {
        try req.requireCatalogueReady()
        let (parameters, problems) = CatalogueParameters.read(req)
        return try await render(req, parameters: parameters, problems: problems, agency: nil, base: "/catalogue")
    }

    @Sendable func agency(req: Request) async throws -> Response {
        try req.requireCatalogueReady()
        guard let id = req.parameters.get("agencyID", as: Int.self), let agency = try await Agency.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        var (parameters, problems) = CatalogueParameters.read(req)
        parameters.filters[.agency] = [String(id)]
        if parameters.text.isEmpty { parameters.order = .newest }
        return try await render(req, parameters: parameters, problems: problems, agency: agency, base: "/catalogue/agencies/\(id)")
    }

    private func render(_ req: Request, parameters: CatalogueParameters, problems: [CatalogueParameters.Problem],
                        agency: Agency?, base: String) async throws -> Response {
        let labels = Labels(req)
        let request = parameters.request
        let result = req.application.catalogue.search(request)
        // Everything a result line shows is in the index; only the texts for snippets are read.
        let db = req.db
        let snippetTexts = try await CatalogueRecords.snippetTexts(result.hits.map(\.id), on: db)
        // Short names keep the facet list and result lines readable on a phone.
        let catalogue = req.application.catalogue
        let names = try await catalogue.agencyNames(covering: result.shownAgencyIDs, short: true, on: db)

        let index = catalogue.snapshot
        // One matcher for the page: its titles and snippets share their words.
        var matcher = HighlightMatcher(terms: result.highlightTerms)
        let searched = index.indexed(result.highlightTerms)
        let hits = result.hits.compactMap { hit -> HitView? in
            // A text missing means the innovation was withdrawn since the index last heard of it.
            guard let summary = hit.summary, let snippetSource = snippetTexts[hit.id] else { return nil }
            // The index knows where the matches are in the name and the narrative, and the texts
            // are cut by them; a hit found by its themes alone shows its narrative's start.
            let places = index.matchPlaces(id: hit.id, of: searched, window: Self.snippetWords)
            let snippet = Highlighter.snippet(snippetSource, matcher: &matcher, words: Self.snippetWords, matchesAt: places.narrative)
            let title = Highlighter.segments(summary.name, matcher: &matcher, matchesAt: places.title)
            let year = summary.implementationStart.flatMap(CalendarDate.init(parsing:))?.year ?? summary.startYear
            return HitView(
                id: hit.id, name: summary.name, acronym: summary.acronym,
                agencyName: names[summary.agencyID] ?? summary.agencyName, agencyHref: "/catalogue/agencies/\(summary.agencyID)",
                categoryLabel: InnovationCategory(rawValue: summary.category).map(labels.category) ?? summary.category,
                stageLabel: Stage(rawValue: summary.stage).map(labels.stage) ?? summary.stage,
                year: year.map(String.init) ?? "",
                snippet: snippet, title: title)
        }
        let facets = SearchFacet.allCases.filter { !(agency != nil && $0 == .agency) }.map { facet -> FacetView in
            let counts = (result.facets[facet] ?? []).prefix(facet == .theme ? 15 : 40)
            let links = parameters.queryStrings(toggling: facet, values: counts.map(\.value))
            let values = zip(counts, links).map { count, link in
                FacetValueView(label: CatalogueLabels.value(facet, count.value, labels: labels, agencies: names),
                               count: labels.number(count.count),
                               href: base + "?" + link,
                               selected: parameters.filters[facet]?.contains(count.value) == true)
            }
            return FacetView(name: facet.rawValue, label: labels.t("facet.\(facet.rawValue)"), values: Array(values))
        }
        let pages = max(1, (result.total + parameters.perPage - 1) / parameters.perPage)
        let queryIgnored = !parameters.text.trimmingCharacters(in: .whitespaces).isEmpty && request.query.isEmpty
        var messages = problems.map { problem in
            problem.parameter == "q" ? labels.t("catalogue.queryTooLong", String(CatalogueParameters.maximumQueryLength))
                                     : labels.t("catalogue.badParameter", problem.parameter)
        }
        if queryIgnored { messages.append(labels.t("catalogue.onlyStopWords")) }
        let data = SearchData(
            text: parameters.text, total: labels.number(result.total), hits: hits, facets: facets,
            problems: messages,
            previousHref: parameters.page > 1 ? base + "?" + parameters.queryString(page: parameters.page - 1) : nil,
            nextHref: parameters.page < pages ? base + "?" + parameters.queryString(page: parameters.page + 1) : nil,
            pageLabel: labels.t("list.page", String(min(parameters.page, pages)), String(pages)),
            relevanceHref: base + "?" + parameters.queryString(order: .relevance),
            newestHref: base + "?" + parameters.queryString(order: .newest),
            sortedByNewest: parameters.order == .newest || request.query.isEmpty,
            apiHref: "/api/v1/innovations?" + parameters.queryString(),
            csvHref: "/api/v1/innovations.csv?" + parameters.queryString(),
            agencyHeading: agency?.name)
        let title = agency?.name ?? req.t("catalogue.title")
        return try await req.render(title: title, body: data.html(labels))
    }

    struct DetailData: Encodable {
        let id: Int
        let name: String
        let acronym: String
        let agencyName: String
        let agencyHref: String
        let facts: [Fact]
        let narrative: [Fact]
        let themes: [String]
        let sdgs: [String]
        let videoURL: String?
        let mapHref: String?
        let replicatedFromHref: String?
        let replicatedFromLabel: String?
        let jsonHref: String
        let awards: [String]
        let similar: [SimilarLink]
    }

    /// A similar innovation as a page lists it: its name, agency and the terms they share.
    struct SimilarLink: Encodable {
        let href: String
        let name: String
        let agency: String
        let sharedTerms: String

        init(_ match: SimilarMatch, href: String) {
            self.href = href
            name = match.summary?.name ?? ""
            agency = match.summary?.agencyName ?? ""
            sharedTerms = match.sharedTerms.joined(separator: ", ")
        }
    }

    struct Fact: Encodable {
        let label: String
        let value: String
    }

    @Sendable func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("innovationID", as: Int.self),
              let innovation = try await CatalogueSearch.published(on: req.db).filter(\.$id == id).first() else {
            throw Abort(.notFound)
        }
        let labels = Labels(req)
        let profile = innovation.profile
        var replicatedHref: String?
        var replicatedLabel: String? = profile.replicatedFromName.isEmpty ? nil : profile.replicatedFromName
        if let source = profile.replicatedFromID,
           let original = try await CatalogueSearch.published(on: req.db).filter(\.$id == source).first() {
            replicatedHref = "/catalogue/\(source)"
            replicatedLabel = original.name
        }
        let data = DetailData(
            id: id, name: profile.name, acronym: profile.acronym, agencyName: innovation.agency.name,
            agencyHref: "/catalogue/agencies/\(innovation.$agency.id)",
            facts: [
                Fact(label: labels.field(.category), value: labels.category(profile.category)),
                Fact(label: labels.field(.deliveryMode), value: labels.deliveryMode(profile.deliveryMode)),
                Fact(label: labels.field(.stage), value: labels.stage(profile.stage)),
                Fact(label: labels.field(.initiator), value: labels.initiator(profile.initiator)),
                Fact(label: labels.field(.mainAffair), value: labels.affair(profile.mainAffair)),
                Fact(label: labels.field(.otherAffairs), value: profile.otherAffairs.isEmpty ? "—" : profile.otherAffairs.map { labels.affair($0) }.joined(separator: ", ")),
                Fact(label: labels.field(.trialStart), value: labels.date(profile.trialStart)),
                Fact(label: labels.field(.implementationStart), value: labels.date(profile.implementationStart)),
            ],
            narrative: [
                Fact(label: labels.field(.design), value: profile.design), Fact(label: labels.field(.goals), value: profile.goals),
                Fact(label: labels.field(.benefits), value: profile.benefits), Fact(label: labels.field(.results), value: profile.results),
                Fact(label: labels.field(.beneficiaries), value: profile.beneficiaries),
            ].filter { !$0.value.isEmpty },
            themes: profile.themes, sdgs: profile.sdgs.map(labels.sdg),
            videoURL: profile.videoLink,
            mapHref: profile.mapHref,
            replicatedFromHref: replicatedHref, replicatedFromLabel: replicatedLabel,
            jsonHref: "/api/v1/innovations/\(id)", awards: try await AwardHistory.lines(for: id, on: req.db),
            similar: (req.application.catalogue.similar(toPublished: id) ?? []).map { SimilarLink($0, href: "/catalogue/\($0.id)") })
        return try await req.render("catalogue/innovation", title: profile.name, data)
    }
}

/// Loading what the index found, in the index's order.
enum CatalogueRecords {
    static func load(_ ids: [Int], on db: any Database) async throws -> [Innovation] {
        guard !ids.isEmpty else { return [] }
        let found = try await CatalogueSearch.published(on: db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id!, $0) })
        return ids.compactMap { byID[$0] }
    }

    /// Tujuan then rancang bangun of each published innovation among `ids`, for result snippets,
    /// joined as the index joins them (by the database, one text a row), so that its word counts
    /// hold in the snippet's text. The rows are found by id alone and their review state checked
    /// here: given the state in the query, SQLite looks each id up in the status index first.
    static func snippetTexts(_ ids: [Int], on db: any Database) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        let narrative = SQLFunction("concat_ws", args: [SQLBind(CatalogueRow.narrativeSeparator)]
                                        + CatalogueRow.snippetColumns.map { SQLColumn($0) as any SQLExpression })
        let rows = try await (db as! any SQLDatabase).select()
            .column("id").column("status").column("is_public").column(narrative, as: "narrative")
            .from(Innovation.schema)
            .where("id", .in, ids)
            .all()
        var texts: [Int: String] = [:]
        for row in rows {
            let state = ReviewState(status: try row.decode(column: "status", as: ReviewStatus.self),
                                    isPublic: try row.decode(column: "is_public", as: Bool.self))
            guard state.isInCatalogue else { continue }
            texts[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "narrative", as: String.self)
        }
        return texts
    }

}

extension SearchResult {
    /// The agencies a page of this result names: those of its hits and of the agency facet.
    var shownAgencyIDs: [Int] {
        hits.compactMap { $0.summary?.agencyID } + (facets[.agency] ?? []).compactMap { Int($0.value) }
    }
}

/// How facet values read: codes become labels, agency ids become names.
enum CatalogueLabels {
    static func value(_ facet: SearchFacet, _ value: String, labels: Labels, agencies: [Int: String]) -> String {
        switch facet {
        case .agency: return Int(value).flatMap { agencies[$0] } ?? value
        case .category: return InnovationCategory(rawValue: value).map(labels.category) ?? value
        case .mode: return DeliveryMode(rawValue: value).map(labels.deliveryMode) ?? value
        case .stage: return Stage(rawValue: value).map(labels.stage) ?? value
        case .affair: return labels.affair(value)
        case .sdg: return Int(value).map(labels.sdg) ?? value
        case .year, .theme: return value
        }
    }
}
