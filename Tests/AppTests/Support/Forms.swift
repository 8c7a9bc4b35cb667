@testable import App

/// Complete, valid forms as a person would fill them in, shared by the tests.
enum Forms {
    static let design = Array(repeating: "Pelayanan administrasi kependudukan jemput bola di perbatasan.", count: 50).joined(separator: " ")

    static func innovation(name: String, design: String = Forms.design, agencyID: Int? = nil) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("name", name), ("acronym", "SIPELANDUKILAT"), ("category", "publicService"), ("deliveryMode", "nonDigital"),
            ("stage", "implementation"), ("initiator", "agency"), ("mainAffair", "adminduk"),
            ("otherAffairs[]", "pmd"), ("otherAffairs[]", "sosial"),
            ("trialStart", "2018-02-01"), ("implementationStart", "02/07/2018"), ("design", design),
            ("goals", "Mendekatkan layanan."), ("benefits", "Warga perbatasan terlayani."),
            ("results", "2.340 dokumen terbit."), ("beneficiaries", "Warga Krayan"), ("themes", "jemput bola, perbatasan"),
            ("sdgs[]", "16"), ("videoURL", "https://www.youtube.com/watch?v=abc"), ("latitude", "3.57"), ("longitude", "115.98"),
        ]
        if let agencyID { fields.append(("agencyID", String(agencyID))) }
        return fields
    }

    static func agency(code: String, name: String) -> [(String, String)] {
        [("code", code), ("name", name), ("shortName", ""), ("kind", "office")]
    }
}

extension Forms {
    /// The edition form's fields, exactly as the page sends them for `form`.
    static func edition(_ form: EditionForm) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("name", form.name), ("year", form.year), ("organiser", form.organiser), ("opensDay", form.opensDay),
            ("opensTime", form.opensTime), ("closesDay", form.closesDay), ("closesTime", form.closesTime),
            ("quotaScope", form.quotaScope), ("source", form.source),
        ]
        if form.requiresVideo { fields.append(("requiresVideo", "on")) }
        if form.blindScoring { fields.append(("blindScoring", "on")) }
        if form.requiresSDGs { fields.append(("requiresSDGs", "on")) }
        for (prefix, rows) in [("group", form.groups), ("category", form.categories), ("section", form.sections), ("document", form.documents),
                               ("criterion", form.criteria), ("stage", form.stages), ("tier", form.tiers)] {
            for (index, row) in rows.enumerated() {
                for (column, value) in row.sorted(by: { $0.key < $1.key }) { fields.append(("\(prefix)-\(index)-\(column)", value)) }
            }
        }
        return fields
    }
}
