/// Everything an agency writes about one innovation: the IID profile fields and what KIPP
/// proposals need. The agency it belongs to and its review status live with the record.
public struct InnovationProfile: Codable, Equatable, Sendable {
    public var name: String = ""
    public var acronym: String = ""
    public var category: InnovationCategory = .publicService
    public var deliveryMode: DeliveryMode = .nonDigital
    public var stage: Stage = .initiative
    public var initiator: Initiator = .agency
    /// Code of the main urusan pemerintahan (`GovernmentAffair.code`).
    public var mainAffair: String?
    public var otherAffairs: [String] = []
    public var trialStart: String?
    public var implementationStart: String?
    /// Rancang bangun: legal basis, problem, method, novelty, steps. At least 300 words to submit.
    public var design: String = ""
    /// Tujuan.
    public var goals: String = ""
    /// Manfaat.
    public var benefits: String = ""
    /// Hasil.
    public var results: String = ""
    public var beneficiaries: String = ""
    public var themes: [String] = []
    public var sdgs: [Int] = []
    public var videoURL: String = ""
    public var latitude: Double?
    public var longitude: Double?
    /// The innovation in Lumbung this one replicates, if any.
    public var replicatedFromID: Int?
    /// An innovation outside Lumbung this one replicates, by name.
    public var replicatedFromName: String = ""

    public init() {}

    public var trialStartDate: CalendarDate? { trialStart.flatMap(CalendarDate.init(parsing:)) }
    public var implementationStartDate: CalendarDate? { implementationStart.flatMap(CalendarDate.init(parsing:)) }

    /// The year the innovation started: its trial, or its implementation when it had no trial.
    public var startYear: Int? { (trialStartDate ?? implementationStartDate)?.year }

    /// The key that makes names unique within an agency: case and spacing do not make a new name.
    public static func nameKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
