import Fluent
import LumbungCore
import Vapor

/// How much of the registry an account sees: everything (the Biro, viewers), one agency's
/// records (its operators), or nothing (evaluators, and an operator whose account names no
/// agency: such an account must never fall back to seeing everything).
enum RegistryScope: Equatable {
    case everything
    case agency(Int)
    case nothing

    init(_ user: User?) {
        guard let user, user.isActive else { self = .nothing; return }
        switch user.role {
        case .admin, .viewer: self = .everything
        case .operator: self = user.$agency.id.map { .agency($0) } ?? .nothing
        case .evaluator: self = .nothing
        }
    }
}

/// The one visibility rule for innovations, used by every page and by every lookup of a
/// number a person typed (a replication source today; proposals and evidence tomorrow):
/// on the registry's own pages an account sees its scope; anywhere else it may also refer to
/// what the public catalogue shows (verified and published innovations).
struct InnovationVisibility {
    let scope: RegistryScope

    init(_ user: User?) { scope = RegistryScope(user) }

    /// May open it on the registry's pages (detail, history, edit, review).
    func registryAllows(_ innovation: Innovation) -> Bool {
        switch scope {
        case .everything: return true
        case .agency(let id): return innovation.$agency.id == id
        case .nothing: return false
        }
    }

    /// May see that it exists and what it is called: in scope, or published.
    func allows(_ innovation: Innovation) -> Bool {
        registryAllows(innovation) || innovation.reviewState.isInCatalogue
    }

    /// Limits a query to the registry scope (lists, counts, dashboards).
    func restrict(_ query: QueryBuilder<Innovation>) -> QueryBuilder<Innovation> {
        switch scope {
        case .everything: return query
        case .agency(let id): return query.filter(\.$agency.$id == id)
        case .nothing: return query.filter(\.$id == -1)
        }
    }
}

extension Request {
    var innovationVisibility: InnovationVisibility { InnovationVisibility(auth.get(User.self)) }

    /// The innovation named in the path, if this user may open it in the registry; 403 when it
    /// exists but is out of scope.
    func innovationFromPath() async throws -> Innovation {
        guard let id = parameters.get("innovationID", as: Int.self),
              let innovation = try await Innovation.query(on: db).filter(\.$id == id).with(\.$agency).first() else {
            throw Abort(.notFound)
        }
        guard innovationVisibility.registryAllows(innovation) else { throw Abort(.forbidden) }
        return innovation
    }

    /// An innovation by a number the person typed, or nil when there is none they may see:
    /// the answer is the same whether it does not exist or is hidden from them.
    func visibleInnovation(_ id: Int) async throws -> Innovation? {
        guard let innovation = try await Innovation.find(id, on: db), innovationVisibility.allows(innovation) else { return nil }
        return innovation
    }

    func reviewActor(for innovation: Innovation) throws -> ReviewActor {
        let user = try self.user
        return ReviewActor(role: user.role, ownsAgency: user.operates(agencyID: innovation.$agency.id))
    }
}
