import Foundation

/// What an agency's operator says of each of its innovations in an inventory round.
public enum InventoryAnswer: String, CaseIterable, Codable, Sendable {
    /// Masih berjalan.
    case running
    /// Berubah: the profile was edited in the round.
    case changed
    /// Dihentikan, with a date and a reason.
    case discontinued
}

/// Where one agency stands in a round.
public enum AgencyRoundState: String, CaseIterable, Codable, Sendable {
    case notStarted, inProgress, confirmed
}

/// The rules of a round (inventarisasi), independent of storage: an agency's state, lateness,
/// and what stops an answer or a confirmation.
public enum InventoryRules {
    public static func state(answered: Int, confirmed: Bool) -> AgencyRoundState {
        if confirmed { return .confirmed }
        return answered > 0 ? .inProgress : .notStarted
    }

    /// Late: not confirmed and the deadline (a day, inclusive) has passed.
    public static func isLate(_ state: AgencyRoundState, deadline: CalendarDate, today: CalendarDate) -> Bool {
        state != .confirmed && deadline < today
    }

    /// Why an answer or a confirmation is refused now: the round was closed (on that day).
    public static func closedProblem(closedOn: CalendarDate?) -> LocalizedMessage? {
        closedOn.map { LocalizedMessage("inventory.closed", LocalizedMessage.day($0)) }
    }

    /// The review state an answer leaves the innovation in. "Discontinued" is the agency's own
    /// statement in a round the Biro opened, so it archives the innovation whatever its status
    /// (operators otherwise archive only drafts); a different answer later in the same round
    /// gives back the state it had before (`before`, kept with the answer), verified and
    /// published included, instead of leaving it archived or turning it into a draft.
    public static func reviewState(after answer: InventoryAnswer, current: ReviewState, before: ReviewState?) -> ReviewState {
        switch answer {
        case .discontinued:
            return current.status == .archived ? current : ReviewState(status: .archived, isPublic: false)
        case .running, .changed:
            guard current.status == .archived, let before else { return current }
            return before
        }
    }

    /// The state to keep with the answer, to give back if it changes: the one a
    /// "discontinued" answer archives (or, answered again, the one kept before); nothing once
    /// the innovation runs again.
    public static func stateKept(after answer: InventoryAnswer, current: ReviewState, before: ReviewState?) -> ReviewState? {
        guard answer == .discontinued else { return nil }
        return current.status == .archived ? before : current
    }

    /// An answer as given: a discontinued innovation needs its day and a reason.
    public static func problems(answer: InventoryAnswer, discontinuedOn: String?, reason: String?, today: CalendarDate) -> [LocalizedMessage] {
        guard answer == .discontinued else { return [] }
        var problems: [LocalizedMessage] = []
        let text = (discontinuedOn ?? "").trimmingCharacters(in: .whitespaces)
        if let day = CalendarDate(parsing: text) {
            if today < day { problems.append(LocalizedMessage("inventory.discontinuedFuture", LocalizedMessage.day(day))) }
        } else {
            problems.append(LocalizedMessage(text.isEmpty ? "inventory.discontinuedDateMissing" : "inventory.discontinuedDateBad", text))
        }
        if (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(LocalizedMessage("inventory.discontinuedReasonMissing"))
        }
        return problems
    }

    /// Confirming the agency's list as complete: every innovation answered.
    public static func confirmationProblem(unanswered: [String]) -> LocalizedMessage? {
        guard !unanswered.isEmpty else { return nil }
        return LocalizedMessage("inventory.unanswered", LocalizedMessage.count(unanswered.count), unanswered.prefix(5).joined(separator: "; "))
    }
}

/// The registry as a closed round saw it: every innovation still running, with what the
/// counts are made of, so that a report can say "87, of which 45 public service and 42 governance".
public struct InventorySnapshot: Codable, Equatable, Sendable {
    public struct Item: Codable, Equatable, Sendable {
        public var id: Int
        public var name: String
        public var agencyCode: String
        public var agencyName: String
        public var category: InnovationCategory
        public var deliveryMode: DeliveryMode
        public var stage: Stage
        public var startYear: Int?

        public init(id: Int, name: String, agencyCode: String, agencyName: String, category: InnovationCategory,
                    deliveryMode: DeliveryMode, stage: Stage, startYear: Int?) {
            self.id = id
            self.name = name
            self.agencyCode = agencyCode
            self.agencyName = agencyName
            self.category = category
            self.deliveryMode = deliveryMode
            self.stage = stage
            self.startYear = startYear
        }
    }

    public var takenOn: String
    public var items: [Item]
    /// Agencies asked in the round, by name, including those with none.
    public var agencies: [String]
    /// Agencies that had not confirmed their list when the round closed.
    public var unconfirmed: [String]

    public init(takenOn: CalendarDate, items: [Item], agencies: [String], unconfirmed: [String] = []) {
        self.takenOn = takenOn.description
        self.items = items.sorted { $0.id < $1.id }
        self.agencies = agencies.sorted()
        self.unconfirmed = unconfirmed.sorted()
    }

    public var total: Int { items.count }

    /// Counts by a property, largest first, then by name; every value of an enumeration appears.
    public func counts<Value: CaseIterable & RawRepresentable>(_ property: KeyPath<Item, Value>) -> [(Value, Int)] where Value.RawValue == String {
        Value.allCases.map { value in (value, items.filter { $0[keyPath: property] == value }.count) }
    }

    /// Innovations per agency asked, the agencies without any included (count 0), largest first.
    public var byAgency: [(String, Int)] {
        var counts = Dictionary(agencies.map { ($0, 0) }, uniquingKeysWith: { a, _ in a })
        for item in items { counts[item.agencyName, default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
    }

    public var byStartYear: [(Int, Int)] {
        Dictionary(grouping: items.compactMap(\.startYear), by: { $0 }).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
    }
}

/// Two rounds side by side: what is new, what was discontinued, what changed (and which part).
public struct InventoryComparison: Equatable, Sendable {
    public struct Change: Equatable, Sendable {
        public let before: InventorySnapshot.Item
        public let after: InventorySnapshot.Item
        /// "name", "agency", "category", "deliveryMode", "stage".
        public let parts: [String]
    }

    public let added: [InventorySnapshot.Item]
    public let removed: [InventorySnapshot.Item]
    public let changed: [Change]

    public init(from earlier: InventorySnapshot, to later: InventorySnapshot) {
        let before = Dictionary(earlier.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(later.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        added = later.items.filter { before[$0.id] == nil }
        removed = earlier.items.filter { after[$0.id] == nil }
        changed = later.items.compactMap { item in
            guard let old = before[item.id] else { return nil }
            var parts: [String] = []
            if old.name != item.name { parts.append("name") }
            if old.agencyCode != item.agencyCode { parts.append("agency") }
            if old.category != item.category { parts.append("category") }
            if old.deliveryMode != item.deliveryMode { parts.append("deliveryMode") }
            if old.stage != item.stage { parts.append("stage") }
            return parts.isEmpty ? nil : Change(before: old, after: item, parts: parts)
        }
    }
}
