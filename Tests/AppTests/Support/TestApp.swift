import Fluent
import Foundation
import LumbungCore
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Every web test runs inside this suite, one at a time, so that on PostgreSQL (one shared
/// database) no test sees another's rows. On SQLite each test has its own in-memory database.
@Suite(.serialized) struct AppTests {}

/// A fresh application on an empty, migrated database: in-memory SQLite by default, or the
/// PostgreSQL test database that `TEST_DATABASE_URL` names (emptied first; a database whose
/// name does not say "test" is refused by `configure`). `DATABASE_URL` is never read here.
func withApp(clock: Clock? = nil, settings adjust: ((inout DeploymentSettings) -> Void)? = nil,
             _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    do {
        var settings = try DeploymentSettings.read(ProcessInfo.processInfo.environment, isTesting: true)
        adjust?(&settings)
        try configure(app, settings: settings)
        if let clock { app.clock = clock }
        try await emptyDatabase(app)
        try await app.prepareDatabase(console: app.console)
        try await body(app)
    } catch {
        try await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// Drops everything in the PostgreSQL test database (SQLite starts empty in memory).
func emptyDatabase(_ app: Application) async throws {
    if case .postgres = app.lumbung.databaseLocation {
        let sql = app.db as! any SQLDatabase
        try await sql.raw("DROP SCHEMA public CASCADE").run()
        try await sql.raw("CREATE SCHEMA public").run()
    }
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_780_000_000)) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }

    var clock: Clock { Clock { [self] in self.now } }
}

/// The people and records most tests need: one agency with an operator, and one account of
/// every other role.
struct Fixture {
    static let password = "rahasia-sekali-123"

    let agency: Agency
    let otherAgency: Agency
    let admin: User
    let operator_: User
    let otherOperator: User
    let evaluator: User
    let viewer: User

    static func make(_ app: Application) async throws -> Fixture {
        let agency = Agency(code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", shortName: "Disdukcapil", kind: .office, parentID: nil)
        try await agency.create(on: app.db)
        let other = Agency(code: "DINKES", name: "Dinas Kesehatan", shortName: "Dinkes", kind: .office, parentID: nil)
        try await other.create(on: app.db)
        let hash = try await app.password.async.hash(password)
        func user(_ email: String, _ role: Role, _ agencyID: Int? = nil) async throws -> User {
            let user = User(email: email, name: email.components(separatedBy: "@")[0], passwordHash: hash, role: role, agencyID: agencyID)
            try await user.create(on: app.db)
            return user
        }
        return Fixture(agency: agency, otherAgency: other,
                       admin: try await user("admin@test.example", .admin),
                       operator_: try await user("operator@test.example", .operator, agency.id),
                       otherOperator: try await user("operator2@test.example", .operator, other.id),
                       evaluator: try await user("evaluator@test.example", .evaluator),
                       viewer: try await user("viewer@test.example", .viewer))
    }

    /// A new account of `role` ("anonymous" gives none); operators work for `agency`.
    func account(role: String, app: Application) async throws -> User? {
        guard let role = Role(rawValue: role) else { return nil }
        let user = User(email: "\(role.rawValue)-\(UUID().uuidString.prefix(8).lowercased())@test.example", name: "Akun \(role.rawValue)",
                        passwordHash: try await app.password.async.hash(Self.password), role: role,
                        agencyID: role == .operator ? agency.id : nil)
        try await user.create(on: app.db)
        return user
    }

    /// An innovation saved the way the app saves it (with its first revision).
    @discardableResult
    func innovation(_ app: Application, name: String = "Si Pelandukilat", agency: Agency? = nil,
                    complete: Bool = true, status: ReviewStatus = .draft) async throws -> Innovation {
        var profile = InnovationProfile()
        profile.name = name
        if complete {
            profile.stage = .implementation
            profile.mainAffair = "adminduk"
            profile.trialStart = "2018-02-01"
            profile.implementationStart = "2018-07-02"
            profile.design = Array(repeating: "Pelayanan jemput bola di wilayah perbatasan.", count: 60).joined(separator: " ")
            profile.goals = "Mendekatkan layanan administrasi kependudukan."
            profile.benefits = "Warga tidak perlu menyeberang sungai ke ibu kota kabupaten."
            profile.results = "2.340 dokumen diterbitkan."
            profile.beneficiaries = "Warga Krayan dan Lumbis"
        }
        let innovation = Innovation(agencyID: try (agency ?? self.agency).requireID(), profile: profile, userID: admin.id)
        innovation.status = status
        try await InnovationStore(db: app.db, search: app.catalogue).save(innovation, action: "created", by: admin)
        return innovation
    }
}
