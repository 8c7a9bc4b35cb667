import Fluent
import LumbungCore
import Vapor

/// The open data API under `/api/v1`: the same selection as the catalogue page, as JSON or CSV.
/// Only verified, published innovations ever appear.
struct OpenDataController {
    struct InnovationSummary: Content, Equatable {
        let id: Int
        let name: String
        let acronym: String
        let agency: AgencyRef
        let category: String
        let delivery_mode: String
        let stage: String
        let main_affair: String?
        let implementation_start: String?
        let themes: [String]
        let sdgs: [Int]
        let url: String
    }

    struct AgencyRef: Content, Equatable {
        let id: Int
        let name: String
    }

    struct InnovationDetail: Content {
        let id: Int
        let name: String
        let acronym: String
        let agency: AgencyRef
        let category: String
        let delivery_mode: String
        let stage: String
        let initiator: String
        let main_affair: String?
        let other_affairs: [String]
        let trial_start: String?
        let implementation_start: String?
        let design: String
        let goals: String
        let benefits: String
        let results: String
        let beneficiaries: String
        let themes: [String]
        let sdgs: [Int]
        let video_url: String?
        let latitude: Double?
        let longitude: Double?
        let replicated_from_id: Int?
        let replicated_from_name: String?
        let url: String
    }

    struct FacetValue: Content, Equatable {
        let value: String
        let label: String
        let count: Int
    }

    struct SearchPage: Content, Equatable {
        let items: [InnovationSummary]
        let total: Int
        let page: Int
        let per_page: Int
        let facets: [String: [FacetValue]]
    }

    struct AgencyItem: Content {
        let id: Int
        let code: String
        let name: String
        let short_name: String
        let kind: String
        let parent_id: Int?
        let published_innovations: Int
    }

    struct ErrorBody: Content {
        let error: String
    }

    @Sendable func innovations(req: Request) async throws -> Response {
        try req.requireCatalogueReady()
        let (parameters, problems) = CatalogueParameters.read(req)
        if let problem = problems.first { return try await Self.error(.badRequest, problem.message, req) }
        // Answered from the index alone: no database round trip on the busiest endpoint.
        let result = req.application.catalogue.search(parameters.request)
        let names = try await req.application.catalogue.agencyNames(covering: result.shownAgencyIDs, on: req.db)
        let labels = Labels(req)
        var facets: [String: [FacetValue]] = [:]
        for facet in SearchFacet.allCases {
            facets[facet.rawValue] = (result.facets[facet] ?? []).map {
                FacetValue(value: $0.value, label: CatalogueLabels.value(facet, $0.value, labels: labels, agencies: names), count: $0.count)
            }
        }
        let body = SearchPage(items: result.hits.compactMap(Self.summary), total: result.total,
                              page: parameters.page, per_page: parameters.perPage, facets: facets)
        return body.json.response()
    }

    @Sendable func innovation(req: Request) async throws -> Response {
        guard let id = req.parameters.get("innovationID", as: Int.self) else {
            return try await Self.error(.badRequest, "id must be a whole number", req)
        }
        guard let innovation = try await CatalogueSearch.published(on: req.db).filter(\.$id == id).first() else {
            return try await Self.error(.notFound, "No published innovation with this id", req)
        }
        return try await Self.detail(innovation).encodeResponse(for: req)
    }

    struct SimilarItem: Content {
        let id: Int
        let name: String
        let agency_id: Int
        let agency_name: String
        let shared_terms: [String]
        let score: Double
    }

    struct SimilarPage: Content {
        let items: [SimilarItem]
    }

    /// `GET /api/v1/innovations/{id}/similar`: up to five published innovations of other agencies
    /// that do something similar, each with the distinctive terms they share.
    @Sendable func similar(req: Request) async throws -> Response {
        try req.requireCatalogueReady()
        guard let id = req.parameters.get("innovationID", as: Int.self) else {
            return try await Self.error(.badRequest, "id must be a whole number", req)
        }
        guard let matches = req.application.catalogue.similar(toPublished: id) else {
            return try await Self.error(.notFound, "No published innovation with this id", req)
        }
        let items = matches.map { match in
            SimilarItem(id: match.id, name: match.summary?.name ?? "", agency_id: match.summary?.agencyID ?? 0,
                        agency_name: match.summary?.agencyName ?? "", shared_terms: match.sharedTerms, score: (match.score * 1000).rounded() / 1000)
        }
        return try await SimilarPage(items: items).encodeResponse(for: req)
    }

    @Sendable func agencies(req: Request) async throws -> Response {
        try req.requireCatalogueReady()
        let agencies = try await Agency.query(on: req.db).filter(\.$isActive == true).sort(\.$name).all()
        let counts = req.application.catalogue.search(SearchRequest(query: SearchQuery.parse(""), limit: 0)).facets[.agency] ?? []
        let byAgency = Dictionary(uniqueKeysWithValues: counts.map { ($0.value, $0.count) })
        let items = agencies.map {
            AgencyItem(id: $0.id!, code: $0.code, name: $0.name, short_name: $0.shortName, kind: $0.kind.rawValue,
                       parent_id: $0.parentID, published_innovations: byAgency[String($0.id!)] ?? 0)
        }
        return try await items.encodeResponse(for: req)
    }

    /// The whole selection (every page), streamed in batches so that memory stays flat.
    @Sendable func csv(req: Request) async throws -> Response {
        try req.requireCatalogueReady()
        var (parameters, problems) = CatalogueParameters.read(req)
        if let problem = problems.first(where: { $0.parameter != "page" && $0.parameter != "per_page" }) {
            return try await Self.error(.badRequest, problem.message, req)
        }
        parameters.page = 1
        var request = parameters.request
        request.offset = 0
        request.limit = Int.max / 2
        let result = req.application.catalogue.search(request)
        let ids = result.hits.map(\.id)
        let db = req.db
        let names = try await req.application.catalogue.agencyNames(covering: result.shownAgencyIDs, on: db)
        let response = Response(status: .ok, body: .init(asyncStream: { writer in
            do {
                // The whole catalogue takes seconds to write: on the background threads.
                try await BackgroundWork.run {
                    try await writer.write(.buffer(ByteBuffer(string: "\u{FEFF}" + CSVFormat.row(Self.csvHeader))))
                    for start in stride(from: 0, to: ids.count, by: 500) {
                        let batch = try await CatalogueRecords.load(Array(ids[start..<min(start + 500, ids.count)]), on: db)
                        let text = batch.map { CSVFormat.row(Self.csvRow($0, names: names)) }.joined()
                        try await writer.write(.buffer(ByteBuffer(string: text)))
                    }
                    try await writer.write(.end)
                }
            } catch {
                try? await writer.write(.error(error))
            }
        }))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"lumbung-inovasi.csv\"")
        return response
    }

    static let csvHeader = ["id", "nama", "singkatan", "perangkat_daerah", "bentuk", "jenis", "tahapan", "inisiator",
                            "urusan_utama", "urusan_lain", "tanggal_uji_coba", "tanggal_penerapan", "tema", "sdgs",
                            "penerima_manfaat", "tautan_video", "url"]

    static func csvRow(_ i: Innovation, names: [Int: String]) -> [String] {
        [String(i.id!), i.name, i.acronym, names[i.$agency.id] ?? "", i.category.rawValue, i.deliveryMode.rawValue,
         i.stage.rawValue, i.initiator.rawValue, i.mainAffair ?? "", i.otherAffairs.joined(separator: ";"),
         i.trialStart ?? "", i.implementationStart ?? "", i.themes.joined(separator: ";"),
         i.sdgs.map(String.init).joined(separator: ";"), i.beneficiaries,
         WebAddress.isHTTP(i.videoURL) ? i.videoURL : "", "/catalogue/\(i.id!)"]
    }

    static func summary(_ hit: SearchHit) -> InnovationSummary? {
        guard let s = hit.summary else { return nil }
        return InnovationSummary(id: hit.id, name: s.name, acronym: s.acronym, agency: AgencyRef(id: s.agencyID, name: s.agencyName),
                                 category: s.category, delivery_mode: s.deliveryMode, stage: s.stage, main_affair: s.mainAffair,
                                 implementation_start: s.implementationStart, themes: s.themes, sdgs: s.sdgs, url: "/catalogue/\(hit.id)")
    }

    static func detail(_ i: Innovation) -> InnovationDetail {
        InnovationDetail(
            id: i.id!, name: i.name, acronym: i.acronym, agency: AgencyRef(id: i.$agency.id, name: i.agency.name),
            category: i.category.rawValue, delivery_mode: i.deliveryMode.rawValue, stage: i.stage.rawValue,
            initiator: i.initiator.rawValue, main_affair: i.mainAffair, other_affairs: i.otherAffairs,
            trial_start: i.trialStart, implementation_start: i.implementationStart, design: i.design, goals: i.goals,
            benefits: i.benefits, results: i.results, beneficiaries: i.beneficiaries, themes: i.themes, sdgs: i.sdgs,
            video_url: WebAddress.isHTTP(i.videoURL) ? i.videoURL : nil, latitude: i.latitude, longitude: i.longitude,
            replicated_from_id: i.replicatedFromID, replicated_from_name: i.replicatedFromName.isEmpty ? nil : i.replicatedFromName,
            url: "/catalogue/\(i.id!)")
    }

    static func error(_ status: HTTPStatus, _ message: String, _ req: Request) async throws -> Response {
        try await ErrorBody(error: message).encodeResponse(status: status, for: req)
    }

    @Sendable func openAPI(req: Request) async throws -> Response {
        let path = ResourceLocation.directory + "OpenAPI/openapi.json"
        let response = try await req.fileio.asyncStreamFile(at: path)
        response.headers.contentType = .json
        return response
    }
}

/// GET requests under /api may be read by pages on any site.
struct CORSForReadsMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in
            response.headers.replaceOrAdd(name: .accessControlAllowOrigin, value: "*")
            response.headers.replaceOrAdd(name: .accessControlAllowMethods, value: "GET, OPTIONS")
            return response
        }
    }
}

extension OpenDataController.SearchPage {
    /// What `JSONEncoder` writes for this page (nil values left out), written directly: the
    /// encoder took more time than the search. The facets come in alphabetical order.
    var json: JSONWriter {
        var writer = JSONWriter()
        writer.object { page in
            page.key("items")
            page.array { list in
                for item in items { item.write(to: &list) }
            }
            page.key("total"); page.value(total)
            page.key("page"); page.value(self.page)
            page.key("per_page"); page.value(per_page)
            page.key("facets")
            page.object { all in
                for (name, values) in facets.sorted(by: { $0.key < $1.key }) {
                    all.key(name)
                    all.array { list in
                        for value in values {
                            list.object { entry in
                                entry.key("value"); entry.value(value.value)
                                entry.key("label"); entry.value(value.label)
                                entry.key("count"); entry.value(value.count)
                            }
                        }
                    }
                }
            }
        }
        return writer
    }
}

extension OpenDataController.InnovationSummary {
    func write(to writer: inout JSONWriter) {
        writer.object { item in
            item.key("id"); item.value(id)
            item.key("name"); item.value(name)
            item.key("acronym"); item.value(acronym)
            item.key("agency")
            item.object { ref in
                ref.key("id"); ref.value(agency.id)
                ref.key("name"); ref.value(agency.name)
            }
            item.key("category"); item.value(category)
            item.key("delivery_mode"); item.value(delivery_mode)
            item.key("stage"); item.value(stage)
            if let main_affair { item.key("main_affair"); item.value(main_affair) }
            if let implementation_start { item.key("implementation_start"); item.value(implementation_start) }
            item.key("themes")
            item.array { list in themes.forEach { list.value($0) } }
            item.key("sdgs")
            item.array { list in sdgs.forEach { list.value($0) } }
            item.key("url"); item.value(url)
        }
    }
}
