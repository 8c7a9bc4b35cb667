import Fluent
import Foundation
import LumbungCore
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Vapor

/// The public catalogue's search index for this process: built from the database at start,
/// updated after every write made here, and caught up every few seconds with writes made by
/// other instances on the same database (any innovation whose `updated_at` moved).
final class CatalogueSearch: Sendable {
    /// The index with a version number that every change raises, read and written together so
    /// that a cached answer is always filed under the version it was computed on.
    private struct Versioned {
        var index = SearchIndex()
        var generation = 0
    }
    private let state = NIOLockedValueBox(Versioned())
    private let results: NIOLockedValueBox<SearchResultCache>

    /// `cacheSize` answers to recent searches are kept until the index next changes (0: none).
    init(cacheSize: Int = CatalogueSearch.defaultCacheSize) {
        results = NIOLockedValueBox(SearchResultCache(capacity: cacheSize))
    }

    static let defaultCacheSize = 256
    static let largestCachedPage = 100

    /// Changes the index and raises its version.
    private func change<Result>(_ body: (inout SearchIndex) -> Result) -> Result {
        state.withLockedValue { state in
            state.generation += 1
            return body(&state.index)
        }
    }

    /// Searches the current index, answering a repeated question from the cache. Only page-sized
    /// answers are kept (a CSV export of everything would fill memory).
    func search(_ request: SearchRequest) -> SearchResult {
        let (index, generation) = state.withLockedValue { ($0.index, $0.generation) }
        guard request.limit <= Self.largestCachedPage else { return index.search(request) }
        if let cached = results.withLockedValue({ $0.result(for: request, generation: generation) }) { return cached }
        let result = index.search(request)
        results.withLockedValue { $0.store(result, for: request, generation: generation) }
        return result
    }
    /// Published innovations of other agencies like the published innovation `id`; nil when
    /// `id` is not in the catalogue.
    func similar(toPublished id: Int, limit: Int = 5) -> [SimilarMatch]? {
        let index = state.withLockedValue { $0.index }
        guard let agencyID = index.summary(of: id)?.agencyID else { return nil }
        return index.similar(to: id, limit: limit, otherAgenciesOf: agencyID)
    }

    /// Published innovations like any innovation, whatever its status (a draft, a submitted
    /// profile): for the Biro looking for replication candidates and duplicates.
    func similar(to innovation: Innovation, agency: Agency?, limit: Int = 5) -> [SimilarMatch] {
        let index = state.withLockedValue { $0.index }
        return index.similar(to: CatalogueDocumentBuilder.document(innovation, agency: agency), limit: limit)
    }

    private let watermark = NIOLockedValueBox(Date(timeIntervalSince1970: 0))
    private let builtAt = NIOLockedValueBox<Date?>(nil)
    private let agencyNameBox = NIOLockedValueBox<[Int: String]>([:])
    private let agencyShortNameBox = NIOLockedValueBox<[Int: String]>([:])
    /// The `updated_at` last applied, for innovations changed within the catch-up's look-back,
    /// so that the overlap does not apply the same change again every few seconds.
    private let applied = NIOLockedValueBox<[Int: Date]>([:])
    static let lookBack: TimeInterval = 2

    /// Agency names (or short names, for the catalogue page on a phone), read with the index
    /// rather than on every request; read again first when one of `ids` is not known yet.
    func agencyNames(covering ids: [Int] = [], short: Bool = false, on db: any Database) async throws -> [Int: String] {
        let box = short ? agencyShortNameBox : agencyNameBox
        var names = box.withLockedValue { $0 }
        if ids.contains(where: { names[$0] == nil }) {
            try await reloadAgencyNames(on: db)
            names = box.withLockedValue { $0 }
        }
        return names
    }

    /// Reads the agency names again. An innovation's document carries its agency's name (it is
    /// searchable and shown in results), so when a name changed, here or in another instance,
    /// that agency's published innovations are indexed again (unless the whole index is about
    /// to be rebuilt anyway).
    func reloadAgencyNames(on db: any Database, reindexRenamed: Bool = true) async throws {
        let agencies = try await Agency.query(on: db).all()
        let names = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.name) })
        let shortNames = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.displayName) })
        agencyShortNameBox.withLockedValue { $0 = shortNames }
        let renamed = agencyNameBox.withLockedValue { known -> Set<Int> in
            defer { known = names }
            return Set(names.keys.filter { id in known[id].map { $0 != names[id] } ?? false })
        }
        if reindexRenamed && !renamed.isEmpty { try await reindex(agencies: renamed, on: db) }
    }

    private func reindex(agencies: Set<Int>, on db: any Database) async throws {
        var lastID = 0
        while true {
            let batch = try await Self.published(on: db).filter(\.$agency.$id ~~ agencies).filter(\.$id > lastID)
                .sort(\.$id).limit(Self.batchSize).all()
            guard let last = batch.last?.id else { return }
            let documents = try await CatalogueDocumentBuilder(db: db).documents(for: batch)
            change { index in documents.forEach { index.upsert($0) } }
            lastID = last
        }
    }

    /// A snapshot to search without holding the lock.
    var snapshot: SearchIndex { state.withLockedValue { $0.index } }
    var isBuilt: Bool { builtAt.withLockedValue { $0 != nil } }
    private let building = NIOLockedValueBox(false)
    /// False only while `serve` builds the index in the background after starting: searches
    /// answer "not ready yet" (503 with Retry-After) instead of a wrong or empty result.
    var isReady: Bool { !building.withLockedValue { $0 } }

    /// Builds the index without holding up the server: registry pages and `/health` answer at
    /// once, the catalogue when this is done.
    func buildInBackground(on db: any Database, logger: Logger, before: (@Sendable () async -> Void)? = nil) {
        building.withLockedValue { $0 = true }
        Task {
            await before?()
            let started = ContinuousClock.now
            while true {
                do {
                    try await rebuild(on: db) { [building] in building.withLockedValue { $0 = false } }
                    break
                } catch {
                    logger.report(error: error)
                    try? await Task.sleep(for: .seconds(2))
                }
            }
            let parts = snapshot.memoryParts.map { "\($0.part) \(($0.bytes + 500_000) / 1_000_000) MB" }.joined(separator: ", ")
            logger.notice("Catalogue index ready: \(snapshot.count) innovations in \(started.duration(to: .now)); memory \(parts)")
        }
    }

    /// Rebuilds the whole index from the published innovations, read as plain rows in batches
    /// so that a large registry never sits in memory at once.
    /// `searchable` is called as soon as searches can be answered from the new index.
    /// It runs on the background threads: at 100,000 innovations it keeps every core busy for
    /// seconds.
    func rebuild(on db: any Database, searchable: (@Sendable () -> Void)? = nil) async throws {
        try await BackgroundWork.run { try await rebuildHere(on: db, searchable: searchable) }
    }

    private func rebuildHere(on db: any Database, searchable: (@Sendable () -> Void)?) async throws {
        let started = Date()
        try await reloadAgencyNames(on: db, reindexRenamed: false)
        let names = agencyNameBox.withLockedValue { $0 }
        var fresh = SearchIndex()
        var newest = Date(timeIntervalSince1970: 0)
        var seen: [(Int, Date)] = []
        // Three steps overlap: the database reads batch n + 2, every core analyses batch n + 1,
        // and batch n goes into the index, which only one writer can do.
        func read(after id: Int) -> Task<[CatalogueRow], any Error> {
            Task(executorPreference: BackgroundWork.shared) { try await CatalogueRow.published(after: id, limit: Self.batchSize, on: db) }
        }
        func analyse(_ batch: [CatalogueRow]) -> Task<[AnalyzedDocument], Never> {
            let documents = batch.map { CatalogueDocumentBuilder.document($0, agencyName: names[$0.agencyID]) }
            return Task(executorPreference: BackgroundWork.shared) { await AnalyzedDocument.analyze(documents) }
        }
        var next: Task<[CatalogueRow], any Error>? = read(after: 0)
        var analysing: Task<[AnalyzedDocument], Never>?
        while next != nil || analysing != nil {
            var upcoming: Task<[AnalyzedDocument], Never>?
            if let reading = next {
                let batch = try await reading.value
                next = batch.count == Self.batchSize ? read(after: batch.last!.id) : nil
                if !batch.isEmpty { upcoming = analyse(batch) }
                newest = max(newest, batch.compactMap(\.updatedAt).max() ?? newest)
                seen += batch.compactMap { innovation in innovation.updatedAt.map { (innovation.id, $0) } }
            }
            if let analysing { for document in await analysing.value { fresh.upsert(document) } }
            analysing = upcoming
        }
        fresh.shrinkToFit()
        let built = fresh
        let recent = Dictionary(seen.filter { $0.1 >= newest.addingTimeInterval(-Self.lookBack) }, uniquingKeysWith: { a, _ in a })
        let generation = state.withLockedValue { state in
            state.generation += 1
            state.index = built
            return state.generation
        }
        applied.withLockedValue { $0 = recent }
        watermark.withLockedValue { $0 = max($0, newest == Date(timeIntervalSince1970: 0) ? started : newest) }
        builtAt.withLockedValue { $0 = Date() }
        // The postings answer every search correctly already; the bit sets, a second at
        // 100,000, come next and replace the index unless a change came in the meantime, which
        // then organises the current one.
        searchable?()
        var organized = built
        organized.organize()
        let swapped = organized
        state.withLockedValue { state in
            if state.generation == generation { state.index = swapped } else { state.index.organize() }
            state.generation += 1
        }
        measure()
    }

    static let batchSize = 2000

    /// Brings one innovation up to date after a write in this process.
    func refresh(_ innovation: Innovation, on db: any Database) async throws {
        guard let id = innovation.id else { return }
        _ = try await agencyNames(covering: [innovation.$agency.id], on: db)
        if let updatedAt = innovation.updatedAt { applied.withLockedValue { $0[id] = updatedAt } }
        if innovation.reviewState.isInCatalogue {
            let documents = try await CatalogueDocumentBuilder(db: db).documents(for: [innovation])
            change { index in documents.forEach { index.upsert($0) } }
        } else {
            change { $0.remove(id: id) }
        }
    }

    /// Applies every change other instances made since the last look. The look-back overlaps by
    /// two seconds so that a write committed with an older clock reading is not missed.
    /// It runs on the background threads: after an import in another process the changes can
    /// be thousands, and a renamed agency's innovations are indexed again.
    func catchUp(on db: any Database) async throws {
        try await BackgroundWork.run { try await catchUpHere(on: db) }
    }

    private func catchUpHere(on db: any Database) async throws {
        try await reloadAgencyNames(on: db)
        let since = watermark.withLockedValue { $0 }.addingTimeInterval(-Self.lookBack)
        let known = applied.withLockedValue { $0 }
        // Ids and times first: the look-back window is read every few seconds, texts only when new.
        let window = try await Self.changedSince(since, on: db)
        let fresh = window.filter { known[$0.id] != $0.updatedAt }.map(\.id)
        guard !fresh.isEmpty else { return }
        let changed = try await Innovation.query(on: db).filter(\.$id ~~ fresh).with(\.$agency).all()
        let published = changed.filter(\.reviewState.isInCatalogue)
        let documents = try await CatalogueDocumentBuilder(db: db).documents(for: published)
        let needsRebuild = change { index -> Bool in
            for innovation in changed where !innovation.reviewState.isInCatalogue {
                index.remove(id: innovation.id!)
            }
            for document in documents { index.upsert(document) }
            return index.needsCompaction
        }
        if let newest = changed.compactMap(\.updatedAt).max() {
            let mark = watermark.withLockedValue { $0 = max($0, newest); return $0 }
            applied.withLockedValue { applied in
                for innovation in changed { applied[innovation.id!] = innovation.updatedAt }
                applied = applied.filter { $0.value >= mark.addingTimeInterval(-Self.lookBack) }
            }
        }
        if needsRebuild { try await rebuild(on: db) } else { measure() }
    }

    /// Ids and update times of the innovations changed after `since`, read as plain rows: a bulk
    /// import can leave thousands in the look-back window, and decoding them as models every few
    /// seconds held a server thread for hundreds of milliseconds.
    static func changedSince(_ since: Date, on db: any Database) async throws -> [(id: Int, updatedAt: Date)] {
        let rows = try await (db as! any SQLDatabase).select()
            .column("id").column("updated_at")
            .from(Innovation.schema)
            .where("updated_at", .greaterThan, since)
            .all()
        return try rows.map { row in
            (try row.decode(column: "id", as: Int.self), try row.decode(column: "updated_at", as: Date.self))
        }
    }

    static func published(on db: any Database) -> QueryBuilder<Innovation> {
        Innovation.query(on: db).filter(\.$status == .verified).filter(\.$isPublic == true).with(\.$agency)
    }

    /// The index's size as last measured (at each rebuild and catch-up): counting it walks every
    /// posting list, too much for a health check that load balancers call every few seconds.
    var memoryBytes: Int { measuredBytes.withLockedValue { $0 } }
    private let measuredBytes = NIOLockedValueBox(0)

    private func measure() {
        let bytes = snapshot.approximateBytes
        measuredBytes.withLockedValue { $0 = bytes }
    }
}

/// Turns innovations into what the index reads.
struct CatalogueDocumentBuilder {
    let db: any Database

    func documents(for innovations: [Innovation]) async throws -> [SearchDocument] {
        // Use the agencies loaded with the innovations; fetch only those that were not.
        var agencies: [Int: Agency] = [:]
        for innovation in innovations { if let agency = innovation.$agency.value { agencies[innovation.$agency.id] = agency } }
        let missing = Set(innovations.map { $0.$agency.id }).subtracting(agencies.keys)
        if !missing.isEmpty {
            for agency in try await Agency.query(on: db).filter(\.$id ~~ missing).all() { agencies[agency.id!] = agency }
        }
        return innovations.map { innovation in
            let agency = agencies[innovation.$agency.id]
            return Self.document(innovation, agency: agency)
        }
    }

    static func document(_ innovation: Innovation, agency: Agency?) -> SearchDocument {
        document(CatalogueRow(innovation), agencyName: agency?.name)
    }

    static func document(_ innovation: CatalogueRow, agencyName: String?) -> SearchDocument {
        let agencyName = agencyName ?? ""
        let affairs = ([innovation.mainAffair].compactMap { $0 } + innovation.otherAffairs)
        let affairNames = affairs.compactMap { GovernmentAffair.named($0)?.name }
        var facets: [SearchFacet: [String]] = [
            .agency: [String(innovation.agencyID)],
            .category: [innovation.category],
            .mode: [innovation.deliveryMode],
            .stage: [innovation.stage],
            .sdg: innovation.sdgs.map(String.init),
            .theme: innovation.themes,
        ]
        if let main = innovation.mainAffair { facets[.affair] = [main] }
        if let year = innovation.implementationStart.flatMap(CalendarDate.init(parsing:))?.year ?? innovation.startYear { facets[.year] = [String(year)] }
        let body = innovation.narrative.joined(separator: CatalogueRow.narrativeSeparator)
        let summary = SearchSummary(
            name: innovation.name, acronym: innovation.acronym, agencyID: innovation.agencyID, agencyName: agencyName,
            category: innovation.category, deliveryMode: innovation.deliveryMode, stage: innovation.stage,
            mainAffair: innovation.mainAffair, implementationStart: innovation.implementationStart,
            themes: innovation.themes, sdgs: innovation.sdgs, startYear: innovation.startYear)
        return SearchDocument(
            id: innovation.id, title: innovation.name, acronym: innovation.acronym,
            keywords: (innovation.themes + affairNames + [agencyName]).joined(separator: ", "),
            body: body, facets: facets,
            newestKey: innovation.implementationStart ?? innovation.trialStart ?? "", summary: summary)
    }
}

extension Innovation {
    var implementationStartDate: CalendarDate? { implementationStart.flatMap(CalendarDate.init(parsing:)) }
}

extension Request {
    /// Refuses a search while the index is still being built: a 503 with Retry-After, as a
    /// page or as JSON for the API, never a wrong or empty result.
    func requireCatalogueReady() throws {
        guard application.catalogue.isReady else {
            throw Abort(.serviceUnavailable, headers: ["Retry-After": "5"], reason: t("catalogue.preparing"))
        }
    }
}

extension Application {
    private struct CatalogueKey: StorageKey { typealias Value = CatalogueSearch }

    var catalogue: CatalogueSearch { shared(CatalogueKey.self) { CatalogueSearch(cacheSize: lumbung.searchCacheSize) } }
}
