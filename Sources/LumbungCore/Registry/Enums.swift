/// Bentuk inovasi (PP 38/2017): the form an innovation takes.
public enum InnovationCategory: String, CaseIterable, Codable, Sendable {
    case publicService, governance, other
}

/// Jenis inovasi: digital (daring) or non-digital (luring).
public enum DeliveryMode: String, CaseIterable, Codable, Sendable {
    case digital, nonDigital
}

/// Tahapan inovasi: how far the innovation has come. Not to be confused with `SelectionStage`
/// of a competition.
public enum Stage: String, CaseIterable, Codable, Sendable {
    case initiative, trial, implementation
}

/// Inisiator: who proposed the innovation (PP 38/2017 names five kinds).
public enum Initiator: String, CaseIterable, Codable, Sendable {
    case regionalHead, councilMember, agency, civilServant, citizen
}

/// Where an innovation profile stands in the verification between an agency and the Biro.
public enum ReviewStatus: String, CaseIterable, Codable, Sendable {
    case draft, submitted, revisionRequested, verified, archived
}

/// The kind of an agency (OPD) or unit.
public enum AgencyKind: String, CaseIterable, Codable, Sendable {
    case secretariat, office, board, inspectorate, hospital, technicalUnit, healthCentre, school,
         regency, district, village, other

    /// Kabupaten/kota, kecamatan and desa/kelurahan: regions rather than the province's own
    /// agencies (OPD). Coverage of OPD leaves them out; Desa Inovasi shows them.
    public var isRegional: Bool { self == .regency || self == .district || self == .village }
}

public enum Role: String, CaseIterable, Codable, Sendable {
    case admin, `operator`, evaluator, viewer
}
