import Fluent
import LumbungCore
import Vapor

/// An innovation's award history ("KIPP 2019 — Top 99, Top 45"): from the outcomes recorded
/// for its proposals, and entered by hand by the Biro for earlier years.
struct AwardController {
    struct AwardForm: Content {
        var year: String?
        var editionName: String?
        var organiser: String?
        var tierName: String?
        var isFinalist: String?
        var isTopTier: String?
    }

    @Sendable func create(req: Request) async throws -> Response {
        let innovation = try await req.innovationFromPath()
        let user = try req.user
        let form = try req.form(AwardForm.self)
        let id = try innovation.requireID()
        guard let year = form.year.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), (2000...2100).contains(year) else {
            throw Abort(.badRequest, reason: req.t("award.badYear", form.year ?? ""))
        }
        let edition = (form.editionName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let tier = (form.tierName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !edition.isEmpty, !tier.isEmpty, edition.count <= 200, tier.count <= 200 else {
            throw Abort(.badRequest, reason: req.t("award.required"))
        }
        let award = Award()
        award.$innovation.id = id
        award.kind = .tier
        award.year = year
        award.editionName = edition
        award.organiser = Organiser(rawValue: form.organiser ?? "") ?? .nationalKIPP
        award.itemKey = ""
        award.label = tier
        award.isFinalist = form.isFinalist == "on"
        award.isTopTier = form.isTopTier == "on"
        award.recordedBy = user.name
        award.note = ""
        try await req.db.transaction { db in
            try await award.create(on: db)
            try await db.audit(user, "innovation.award", "innovation", id, "\(edition) — \(tier)")
        }
        req.flash(.success, req.t("award.recorded", edition, tier))
        return req.redirect(to: "/innovations/\(id)#awards")
    }
}

enum AwardHistory {
    /// "KIPP 2019 — Top 99, Top 45", one line per edition, newest first; only award tiers.
    static func lines(for innovationID: Int, on db: any Database) async throws -> [String] {
        let awards = try await Award.query(on: db).filter(\.$innovation.$id == innovationID).filter(\.$kind == .tier)
            .sort(\.$year, .descending).sort(\.$id).all()
        var order: [String] = []
        var tiers: [String: [String]] = [:]
        for award in awards {
            if tiers[award.editionName] == nil { order.append(award.editionName) }
            tiers[award.editionName, default: []].append(award.label)
        }
        return order.map { "\($0) — \(tiers[$0]!.joined(separator: ", "))" }
    }
}
