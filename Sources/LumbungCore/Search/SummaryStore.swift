/// What a result line shows of each document (`SearchSummary`), stored compactly: names and
/// acronyms side by side in one run of bytes, and each value many documents share (agency
/// names, categories, stages, urusan, dates, theme and SDG lists) once, by number. A summary
/// is made again only for the documents on a page. As separate strings and arrays the
/// summaries were a fifth of the index.
struct SummaryStore: Sendable, Equatable {
    private struct Record: Sendable, Equatable {
        var textStart: UInt32
        var nameBytes: UInt32
        var acronymBytes: UInt32
        var agencyID: Int
        var agencyName: Int32
        var category: Int32
        var deliveryMode: Int32
        var stage: Int32
        /// -1 when there is none.
        var mainAffair: Int32
        var implementationStart: Int32
        var themes: Int32
        var sdgs: Int32
        var startYear: Int32
    }

    private var text: [UInt8] = []
    /// Per slot; nil for a document indexed without a summary.
    private var records: [Record?] = []
    private var strings = Interned<String>()
    private var themeLists = Interned<[String]>()
    private var sdgLists = Interned<[Int]>()

    static let noYear = Int32.min

    var count: Int { records.count }

    var byteCount: Int {
        text.capacity + records.capacity * MemoryLayout<Record?>.stride
            + strings.values.reduce(0) { $0 + $1.utf8.count + 56 }
            + themeLists.values.reduce(0) { $0 + $1.reduce(56) { $0 + $1.utf8.count + 16 } }
            + sdgLists.values.reduce(0) { $0 + 56 + $1.count * 8 }
    }

    mutating func append(_ summary: SearchSummary?) {
        guard let summary else {
            records.append(nil)
            return
        }
        let start = UInt32(text.count)
        text.append(contentsOf: summary.name.utf8)
        text.append(contentsOf: summary.acronym.utf8)
        records.append(Record(
            textStart: start, nameBytes: UInt32(summary.name.utf8.count), acronymBytes: UInt32(summary.acronym.utf8.count),
            agencyID: summary.agencyID, agencyName: strings.number(summary.agencyName),
            category: strings.number(summary.category), deliveryMode: strings.number(summary.deliveryMode),
            stage: strings.number(summary.stage), mainAffair: summary.mainAffair.map { strings.number($0) } ?? -1,
            implementationStart: summary.implementationStart.map { strings.number($0) } ?? -1,
            themes: themeLists.number(summary.themes), sdgs: sdgLists.number(summary.sdgs),
            startYear: summary.startYear.map { Int32(clamping: $0) } ?? Self.noYear))
    }

    subscript(slot: Int) -> SearchSummary? {
        guard let record = records[slot] else { return nil }
        let name = Int(record.textStart), acronym = name + Int(record.nameBytes), end = acronym + Int(record.acronymBytes)
        return SearchSummary(
            name: String(decoding: text[name..<acronym], as: UTF8.self), acronym: String(decoding: text[acronym..<end], as: UTF8.self),
            agencyID: record.agencyID, agencyName: strings.values[Int(record.agencyName)],
            category: strings.values[Int(record.category)], deliveryMode: strings.values[Int(record.deliveryMode)],
            stage: strings.values[Int(record.stage)],
            mainAffair: record.mainAffair < 0 ? nil : strings.values[Int(record.mainAffair)],
            implementationStart: record.implementationStart < 0 ? nil : strings.values[Int(record.implementationStart)],
            themes: themeLists.values[Int(record.themes)], sdgs: sdgLists.values[Int(record.sdgs)],
            startYear: record.startYear == Self.noYear ? nil : Int(record.startYear))
    }

    /// The agency of a slot's summary, without making the summary.
    func agencyID(at slot: Int) -> Int? { records[slot]?.agencyID }

    mutating func shrinkToFit() {
        text = text.withUnsafeBufferPointer { Array($0) }
        records = records.withUnsafeBufferPointer { Array($0) }
    }
}

/// Values stored once each and referred to by number.
struct Interned<Value: Hashable & Sendable>: Sendable, Equatable {
    private(set) var values: [Value] = []
    private var numbers: [Value: Int32] = [:]

    mutating func number(_ value: Value) -> Int32 {
        if let known = numbers[value] { return known }
        let number = Int32(values.count)
        values.append(value)
        numbers[value] = number
        return number
    }
}
