import Fluent
import LumbungCore
import Vapor

/// The home page: counts by bentuk and tahapan, and the agencies the Biro must chase.
struct DashboardController {
    struct Bar: Encodable {
        let label: String
        let count: String
        /// Width of the bar in percent of the largest value, in steps of 5 (a CSS class: no inline styles).
        let percent: Int
        let href: String
    }

    struct AgencyRow: Encodable {
        let id: Int
        let name: String
    }

    struct DashboardData: Encodable {
        let role: String
        let total: String
        let byCategory: [Bar]
        let byStage: [Bar]
        let byStatus: [Bar]
        let agenciesWithout: [AgencyRow]
        let agenciesWithoutCount: String
        let isAgencyView: Bool
        /// An operator account that names no agency: it sees nothing until the Biro links one.
        let hasNoAgency: Bool
        let activeAgencies: String
        let agencyName: String?
        let needsAction: [AgencyRow]
        let waitingReview: String
    }

    /// `GET /`: the dashboard for a signed-in person, the public catalogue for anyone else.
    @Sendable func home(req: Request) async throws -> Response {
        guard let user = req.auth.get(User.self), user.isActive else { return req.redirect(to: "/catalogue") }
        return try await show(req: req, user: user)
    }

    private func show(req: Request, user: User) async throws -> Response {
        let labels = Labels(req)
        if user.role == .evaluator {
            return try await req.render("dashboard/evaluator", title: req.t("nav.dashboard"), NoData())
        }
        let registryScope = RegistryScope(user)
        let scope: Int? = if case .agency(let id) = registryScope { id } else { nil }
        let statistics = RegistryStatistics(db: req.db)
        let byCategory = try await statistics.counts(by: "category", scope: registryScope)
        let byStage = try await statistics.counts(by: "stage", scope: registryScope)
        let byStatus = try await statistics.counts(by: "status", scope: registryScope)
        let total = byStatus.values.reduce(0, +)

        func bars<E: CaseIterable & RawRepresentable>(_ type: E.Type, _ counts: [String: Int], param: String,
                                                      _ label: (E) -> String) -> [Bar] where E.RawValue == String {
            let largest = max(1, counts.values.max() ?? 1)
            return type.allCases.map { value in
                let count = counts[value.rawValue] ?? 0
                return Bar(label: label(value), count: labels.number(count), percent: count * 20 / largest * 5,
                           href: "/innovations?\(param)=\(value.rawValue)")
            }
        }

        var without: [AgencyRow] = []
        var activeAgencies = 0
        if registryScope == .everything {
            let agencies = try await Agency.query(on: req.db).filter(\.$isActive == true).sort(\.$name).all()
            let counts = try await statistics.countsByAgency()
            activeAgencies = agencies.filter { !$0.kind.isRegional }.count
            without = agencies.filter { !$0.kind.isRegional && (counts[$0.id!] ?? 0) == 0 }.map { AgencyRow(id: $0.id!, name: $0.name) }
        }
        var needsAction: [AgencyRow] = []
        var agencyName: String?
        if let scope {
            agencyName = try await Agency.find(scope, on: req.db)?.name
            needsAction = try await Innovation.query(on: req.db).filter(\.$agency.$id == scope)
                .filter(\.$status ~~ [.revisionRequested, .draft]).sort(\.$updatedAt, .descending).limit(20).all()
                .map { AgencyRow(id: $0.id!, name: "\($0.name) — \(labels.status($0.status))") }
        }
        let data = DashboardData(
            role: user.role.rawValue, total: labels.number(total),
            byCategory: bars(InnovationCategory.self, byCategory, param: "category", labels.category),
            byStage: bars(Stage.self, byStage, param: "stage", labels.stage),
            byStatus: bars(ReviewStatus.self, byStatus, param: "status", labels.status).filter { $0.label != labels.status(.archived) },
            agenciesWithout: without, agenciesWithoutCount: labels.number(without.count), isAgencyView: registryScope != .everything,
            hasNoAgency: registryScope == .nothing, activeAgencies: labels.number(activeAgencies), agencyName: agencyName,
            needsAction: needsAction, waitingReview: labels.number(byStatus[ReviewStatus.submitted.rawValue] ?? 0))
        return try await req.render("dashboard/dashboard", title: req.t("nav.dashboard"), data)
    }
}
