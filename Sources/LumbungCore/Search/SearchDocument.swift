/// The facets the public catalogue counts and filters by.
public enum SearchFacet: String, CaseIterable, Codable, Sendable {
    case agency, category, mode, stage, affair, year, sdg, theme
}

/// What a result list shows of an innovation, kept in the index so that a search answers
/// without touching the database.
public struct SearchSummary: Sendable, Equatable {
    public let name: String
    public let acronym: String
    public let agencyID: Int
    public let agencyName: String
    public let category: String
    public let deliveryMode: String
    public let stage: String
    public let mainAffair: String?
    public let implementationStart: String?
    public let themes: [String]
    public let sdgs: [Int]
    /// The year of the trial, or of implementation without a trial.
    public let startYear: Int?

    public init(name: String, acronym: String, agencyID: Int, agencyName: String, category: String, deliveryMode: String,
                stage: String, mainAffair: String?, implementationStart: String?, themes: [String], sdgs: [Int],
                startYear: Int? = nil) {
        self.startYear = startYear
        self.name = name
        self.acronym = acronym
        self.agencyID = agencyID
        self.agencyName = agencyName
        self.category = category
        self.deliveryMode = deliveryMode
        self.stage = stage
        self.mainAffair = mainAffair
        self.implementationStart = implementationStart
        self.themes = themes
        self.sdgs = sdgs
    }
}

/// One published innovation as the search index sees it.
public struct SearchDocument: Sendable {
    public let id: Int
    /// The innovation's name: weighted highest.
    public let title: String
    public let acronym: String
    /// Themes, agency and urusan names: weighted above the narrative, below the title.
    public let keywords: String
    /// Rancang bangun, tujuan, manfaat, hasil, penerima manfaat.
    public let body: String
    public let facets: [SearchFacet: [String]]
    /// Sorts "newest first" (descending); an ISO date such as the implementation start.
    public let newestKey: String
    public let summary: SearchSummary?

    public init(id: Int, title: String, acronym: String, keywords: String, body: String,
                facets: [SearchFacet: [String]], newestKey: String, summary: SearchSummary? = nil) {
        self.summary = summary
        self.id = id
        self.title = title
        self.acronym = acronym
        self.keywords = keywords
        self.body = body
        self.facets = facets
        self.newestKey = newestKey
    }
}

public enum SearchOrder: String, Sendable, CaseIterable {
    case relevance, newest
}

public struct SearchRequest: Sendable, Hashable {
    public var query: SearchQuery
    /// Within a facet any chosen value matches; across facets all must.
    public var filters: [SearchFacet: Set<String>]
    public var order: SearchOrder
    public var offset: Int
    public var limit: Int

    public init(query: SearchQuery, filters: [SearchFacet: Set<String>] = [:], order: SearchOrder = .relevance,
                offset: Int = 0, limit: Int = 20) {
        self.query = query
        self.filters = filters
        self.order = order
        self.offset = offset
        self.limit = limit
    }
}

public struct FacetCount: Sendable, Equatable, Codable {
    public let value: String
    public let count: Int
}

public struct SearchHit: Sendable, Equatable {
    public let id: Int
    public let score: Double
    public let summary: SearchSummary?
}

public struct SearchResult: Sendable {
    public let total: Int
    public let hits: [SearchHit]
    /// Every facet's values among all matches, most frequent first.
    public let facets: [SearchFacet: [FacetCount]]
    /// The stems to highlight.
    public let highlightTerms: Set<String>
}
