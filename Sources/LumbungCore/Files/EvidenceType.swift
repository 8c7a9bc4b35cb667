/// Kinds of bukti dukung the index asks for (domain notes §4.3).
public enum EvidenceType: String, CaseIterable, Codable, Sendable {
    /// SK, Perkada, Perda.
    case decree
    /// DPA, RKA.
    case budget
    /// An excerpt of the RKPD.
    case plan
    /// MoU, PKS.
    case agreement
    /// SOP, pedoman teknis.
    case procedure
    /// Monitoring and evaluation, or a satisfaction survey.
    case monitoring
    case photo
    case screenshot
    /// A recorded development (pengembangan) of the innovation.
    case development
    case other
}
