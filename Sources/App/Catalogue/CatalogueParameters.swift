import LumbungCore
import Vapor

/// The catalogue's query string, shared by the page and the API: `q`, facet filters (each may
/// repeat: `theme=a&theme=b`), `sort`, `page`, `per_page`.
struct CatalogueParameters {
    static let maximumQueryLength = 500
    static let maximumPerPage = 100
    static let maximumFilterLength = 200

    var text = ""
    var filters: [SearchFacet: Set<String>] = [:]
    var order: SearchOrder = .relevance
    var page = 1
    var perPage = 20

    /// A parameter that cannot be honoured, named for the error message.
    struct Problem: Error {
        let parameter: String
        let message: String
    }

    /// Reads the parameters; `problems` lists what was wrong (the page shows them and goes on
    /// with safe values, the API answers 400).
    static func read(_ req: Request) -> (CatalogueParameters, [Problem]) {
        var parameters = CatalogueParameters()
        var problems: [Problem] = []
        for (name, value) in QueryItems.parse(req.url.query) {
            switch name {
            case "q":
                // Lengths as JSON Schema counts them (code points), not grapheme clusters.
                if value.unicodeScalars.count > maximumQueryLength {
                    problems.append(Problem(parameter: "q", message: "q is longer than \(maximumQueryLength) characters"))
                    parameters.text = String(String.UnicodeScalarView(value.unicodeScalars.prefix(maximumQueryLength)))
                } else {
                    parameters.text = value
                }
            case "sort":
                if let order = SearchOrder(rawValue: value) { parameters.order = order }
                else { problems.append(Problem(parameter: "sort", message: "sort must be relevance or newest")) }
            case "page":
                if let page = Int(value), (1...100_000).contains(page) { parameters.page = page }
                else { problems.append(Problem(parameter: "page", message: "page must be a whole number from 1")) }
            case "per_page":
                if let perPage = Int(value), (1...maximumPerPage).contains(perPage) { parameters.perPage = perPage }
                else { problems.append(Problem(parameter: "per_page", message: "per_page must be a whole number from 1 to \(maximumPerPage)")) }
            default:
                guard let facet = SearchFacet(rawValue: name), !value.isEmpty else { continue }
                if value.unicodeScalars.count > maximumFilterLength {
                    problems.append(Problem(parameter: name, message: "\(name) is longer than \(maximumFilterLength) characters"))
                } else {
                    parameters.filters[facet, default: []].insert(value)
                }
            }
        }
        return (parameters, problems)
    }

    var request: SearchRequest {
        SearchRequest(query: SearchQuery.parse(text), filters: filters, order: order,
                      offset: (page - 1) * perPage, limit: perPage)
    }

    /// The query string for these parameters with another page or order, for links.
    func queryString(page: Int? = nil, order: SearchOrder? = nil) -> String {
        var items: [(String, String)] = text.isEmpty ? [] : [("q", text)]
        for facet in SearchFacet.allCases { items += Self.items(facet, filters[facet]) }
        let sort = order ?? self.order
        if sort != .relevance { items.append(("sort", sort.rawValue)) }
        if let page, page > 1 { items.append(("page", String(page))) }
        return QueryItems.encode(items)
    }

    /// The query strings that add or remove each of `values` of one facet (back to the first
    /// page), for that facet's links: what surrounds the facet is encoded once for all of them.
    func queryStrings(toggling facet: SearchFacet, values: [String]) -> [String] {
        let facets = SearchFacet.allCases, position = facets.firstIndex(of: facet)!
        let before = (text.isEmpty ? [] : [("q", text)]) + facets[..<position].flatMap { Self.items($0, filters[$0]) }
        var after = facets[(position + 1)...].flatMap { Self.items($0, filters[$0]) }
        if order != .relevance { after.append(("sort", order.rawValue)) }
        let head = QueryItems.encode(before), tail = QueryItems.encode(after)
        let chosen = filters[facet] ?? []
        return values.map { value in
            var link = head
            func append(_ part: String) {
                guard !part.isEmpty else { return }
                if !link.isEmpty { link += "&" }
                link += part
            }
            if chosen.isEmpty {
                // Nothing chosen in this facet yet, the usual case: one value, added.
                append(facet.rawValue + "=" + QueryItems.percentEncoded(value))
            } else {
                var toggled = chosen
                if toggled.remove(value) == nil { toggled.insert(value) }
                append(QueryItems.encode(Self.items(facet, toggled)))
            }
            append(tail)
            return link
        }
    }

    /// A facet's chosen values as query items, in a stable order.
    private static func items(_ facet: SearchFacet, _ values: Set<String>?) -> [(String, String)] {
        (values ?? []).sorted().map { (facet.rawValue, $0) }
    }
}

/// Query strings read and written by hand, so that repeated keys keep every value.
enum QueryItems {
    static func parse(_ query: String?) -> [(String, String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&").prefix(100).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    static func encode(_ items: [(String, String)]) -> String {
        var query = ""
        for (name, value) in items {
            if !query.isEmpty { query += "&" }
            query += name
            query += "="
            query += percentEncoded(value)
        }
        return query
    }

    /// Every byte of the UTF-8 form but ASCII letters, digits and `-._~` as `%XX` (RFC 3986's
    /// unreserved characters), byte by byte: Foundation's character-set path was a twentieth of
    /// a catalogue page's time.
    static func percentEncoded(_ value: String) -> String {
        // Most values (codes, agency numbers, plain words) need nothing encoded.
        guard !value.utf8.allSatisfy(isUnreserved) else { return value }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count * 3)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
