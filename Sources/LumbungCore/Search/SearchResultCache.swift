/// The answers to recent searches, for one version of the index. The catalogue's busiest
/// questions repeat (the front page, a popular word with its facets) while the index changes
/// only when an innovation is published, edited or withdrawn; any change starts the cache
/// afresh, so an answer is never older than the index it came from.
public struct SearchResultCache: Sendable {
    public let capacity: Int
    private var generation = 0
    private var entries: [SearchRequest: (result: SearchResult, lastUse: Int)] = [:]
    private var clock = 0

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    public var count: Int { entries.count }

    /// The cached answer, if it was computed on this version of the index.
    public mutating func result(for request: SearchRequest, generation: Int) -> SearchResult? {
        guard generation == self.generation, let entry = entries[request] else { return nil }
        clock += 1
        entries[request] = (entry.result, clock)
        return entry.result
    }

    /// Keeps an answer computed on `generation`; a newer generation empties the cache first,
    /// and when full, the least recently used answer makes room.
    public mutating func store(_ result: SearchResult, for request: SearchRequest, generation: Int) {
        guard capacity > 0, generation >= self.generation else { return }
        if generation > self.generation {
            entries.removeAll(keepingCapacity: true)
            self.generation = generation
        }
        if entries.count >= capacity, entries[request] == nil,
           let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            entries.removeValue(forKey: oldest)
        }
        clock += 1
        entries[request] = (result, clock)
    }
}
