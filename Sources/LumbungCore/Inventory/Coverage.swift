import Foundation

/// An agency as coverage sees it.
public struct CoverageAgency: Equatable, Sendable {
    public var id: Int
    public var name: String
    public var kind: AgencyKind
    public var parentID: Int?

    public init(id: Int, name: String, kind: AgencyKind, parentID: Int? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parentID = parentID
    }

    /// Desa and kelurahan: the Desa Inovasi view.
    public var isVillage: Bool { kind == .village }
}

/// An innovation as coverage sees it (archived ones are left out before).
public struct CoverageInnovation: Equatable, Sendable {
    public var id: Int
    public var name: String
    public var agencyID: Int
    public var category: InnovationCategory
    public var deliveryMode: DeliveryMode
    public var stage: Stage
    public var startYear: Int?
    public var affairs: Set<String>
    public var implementationStart: CalendarDate?
    /// A development (pengembangan) is on record: an evidence file of that type.
    public var hasDevelopment: Bool

    public init(id: Int, name: String, agencyID: Int, category: InnovationCategory = .publicService, deliveryMode: DeliveryMode = .digital,
                stage: Stage = .implementation, startYear: Int? = nil, affairs: Set<String> = [], implementationStart: CalendarDate? = nil,
                hasDevelopment: Bool = false) {
        self.id = id
        self.name = name
        self.agencyID = agencyID
        self.category = category
        self.deliveryMode = deliveryMode
        self.stage = stage
        self.startYear = startYear
        self.affairs = affairs
        self.implementationStart = implementationStart
        self.hasDevelopment = hasDevelopment
    }

    /// Past two years of implementation with no recorded development: the 2026 index does not
    /// score it, and the Biro should ask the agency for one.
    public func needsDevelopment(today: CalendarDate, afterYears years: Int = 2) -> Bool {
        guard let start = implementationStart, !hasDevelopment else { return false }
        return start.anniversary(years: years) <= today
    }
}

/// Which innovations count: every filter left nil lets all through.
public struct CoverageFilter: Equatable, Sendable {
    public var category: InnovationCategory?
    public var deliveryMode: DeliveryMode?
    public var stage: Stage?
    public var year: Int?

    public init(category: InnovationCategory? = nil, deliveryMode: DeliveryMode? = nil, stage: Stage? = nil, year: Int? = nil) {
        self.category = category
        self.deliveryMode = deliveryMode
        self.stage = stage
        self.year = year
    }

    public func admits(_ innovation: CoverageInnovation) -> Bool {
        (category.map { $0 == innovation.category } ?? true) && (deliveryMode.map { $0 == innovation.deliveryMode } ?? true)
            && (stage.map { $0 == innovation.stage } ?? true) && (year.map { $0 == innovation.startYear } ?? true)
    }
}

/// An innovation that will soon be old enough for an open edition's group.
public struct AgeingAlert: Equatable, Sendable {
    public let innovation: CoverageInnovation
    public let edition: String
    public let group: String
    public let due: CalendarDate
    public let closes: CalendarDate
}

/// An open edition's age rule, for ageing alerts.
public struct AgeRule: Equatable, Sendable {
    public var edition: String
    public var group: String
    public var minimumYears: Int
    public var closes: CalendarDate

    public init(edition: String, group: String, minimumYears: Int, closes: CalendarDate) {
        self.edition = edition
        self.group = group
        self.minimumYears = minimumYears
        self.closes = closes
    }
}

/// Who has innovations and who has none, which basic services are covered, what ages soon,
/// and the villages: the Biro's list to chase.
public struct Coverage: Sendable {
    public let agencies: [CoverageAgency]
    public let innovations: [CoverageInnovation]

    public init(agencies: [CoverageAgency], innovations: [CoverageInnovation]) {
        self.agencies = agencies.sorted { $0.name < $1.name }
        self.innovations = innovations
    }

    /// Agencies (not regions: villages have their own view) with no innovation that passes the
    /// filter; with `countingChildren`, an innovation of a child unit counts for its parent.
    public func agenciesWithout(_ filter: CoverageFilter = CoverageFilter(), countingChildren: Bool) -> [CoverageAgency] {
        let owners = Set(innovations.filter(filter.admits).map(\.agencyID))
        return agencies.filter { !$0.kind.isRegional }.filter { agency in
            if owners.contains(agency.id) { return false }
            return !(countingChildren && descendants(of: agency.id).contains(where: owners.contains))
        }
    }

    /// Every unit below an agency, at any depth.
    public func descendants(of id: Int) -> Set<Int> {
        var found: Set<Int> = []
        var frontier = [id]
        while let next = frontier.popLast() {
            for child in agencies where child.parentID == next && !found.contains(child.id) {
                found.insert(child.id)
                frontier.append(child.id)
            }
        }
        return found
    }

    /// The six urusan wajib pelayanan dasar, each with the innovations that serve it.
    public var basicServices: [(code: String, innovations: Int)] {
        InnovationIndex.basicServices.map { code in (code, innovations.filter { $0.affairs.contains(code) }.count) }
    }

    public var basicServicesCovered: Int { basicServices.filter { $0.innovations > 0 }.count }

    /// Innovations that reach an age rule's minimum within `days` before that edition closes:
    /// not old enough today, old enough on the closing day. Soonest first.
    public func ageingAlerts(_ rules: [AgeRule], today: CalendarDate) -> [AgeingAlert] {
        var alerts: [AgeingAlert] = []
        for rule in rules where rule.minimumYears > 0 && today <= rule.closes {
            for innovation in innovations {
                guard let start = innovation.implementationStart else { continue }
                let due = start.anniversary(years: rule.minimumYears)
                if today < due && due <= rule.closes {
                    alerts.append(AgeingAlert(innovation: innovation, edition: rule.edition, group: rule.group, due: due, closes: rule.closes))
                }
            }
        }
        return alerts.sorted { ($0.due, $0.innovation.name) < ($1.due, $1.innovation.name) }
    }

    public func needingDevelopment(today: CalendarDate) -> [CoverageInnovation] {
        innovations.filter { $0.needsDevelopment(today: today) }.sorted { $0.name < $1.name }
    }

    /// Desa Inovasi: villages grouped under their parent (a kecamatan or a kabupaten), each with
    /// its innovations; parents in name order, villages without a parent last.
    public struct VillageGroup: Sendable {
        public let parent: CoverageAgency?
        public let villages: [(village: CoverageAgency, innovations: [CoverageInnovation])]
        public var withoutInnovation: Int { villages.filter { $0.innovations.isEmpty }.count }
    }

    public var villageGroups: [VillageGroup] {
        let byID = Dictionary(agencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let villages = agencies.filter(\.isVillage)
        let grouped = Dictionary(grouping: villages, by: { $0.parentID })
        return grouped.map { parentID, members in
            VillageGroup(parent: parentID.flatMap { byID[$0] },
                         villages: members.map { village in (village, innovations.filter { $0.agencyID == village.id }.sorted { $0.name < $1.name }) })
        }.sorted { ($0.parent?.name ?? "\u{10FFFF}") < ($1.parent?.name ?? "\u{10FFFF}") }
    }

    /// Parents of villages (kecamatan, kabupaten) none of whose villages has an innovation.
    public var villageParentsWithout: [CoverageAgency] {
        villageGroups.filter { $0.parent != nil && $0.villages.allSatisfy { $0.innovations.isEmpty } }.compactMap(\.parent)
    }
}
