import Fluent
import LumbungCore
import Vapor

extension Request {
    /// The innovation named in the path, if this user may see it: admins and viewers see all,
    /// operators only their own agency's.
    func innovationFromPath() async throws -> Innovation {
        guard let id = parameters.get("innovationID", as: Int.self),
              let innovation = try await Innovation.query(on: db).filter(\.$id == id).with(\.$agency).first() else {
            throw Abort(.notFound)
        }
        let user = try self.user
        if user.role == .operator && !user.operates(agencyID: innovation.$agency.id) {
            throw Abort(.forbidden)
        }
        return innovation
    }

    func reviewActor(for innovation: Innovation) throws -> ReviewActor {
        let user = try self.user
        return ReviewActor(role: user.role, ownsAgency: user.operates(agencyID: innovation.$agency.id))
    }
}

extension CalendarDate {
    /// Today in Kalimantan Utara (WITA).
    static var today: CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Makassar")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}
