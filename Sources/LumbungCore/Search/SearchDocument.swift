/// The facets the public catalogue counts and filters by.
public enum SearchFacet: String, CaseIterable, Codable, Sendable {
    case agency, category, mode, stage, affair, year, sdg, theme
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

    public init(id: Int, title: String, acronym: String, keywords: String, body: String,
                facets: [SearchFacet: [String]], newestKey: String) {
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

public struct SearchRequest: Sendable {
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
}

public struct SearchResult: Sendable {
    public let total: Int
    public let hits: [SearchHit]
    /// Every facet's values among all matches, most frequent first.
    public let facets: [SearchFacet: [FacetCount]]
    /// The stems to highlight.
    public let highlightTerms: Set<String>
}
