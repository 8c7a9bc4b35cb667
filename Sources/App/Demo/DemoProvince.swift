import Fluent
import Foundation
import LumbungCore
import Vapor

/// The demonstration province, modelled on Kalimantan Utara: agencies, 87 innovations, an
/// account for every role, a few villages of Kabupaten Nunukan with theirs, its competitions
/// (`DemoCompetitions`), judging (`DemoEvaluation`), inventory rounds and index (`DemoInventory`). Loaded only into an
/// empty database.
enum DemoProvince {
    struct Account {
        let email: String
        let name: String
        let role: Role
        let password: String
        let agencyCode: String?
    }

    static let accounts: [Account] = [
        .init(email: "admin@lumbung.example", name: "Admin Biro Organisasi", role: .admin, password: "lumbung-admin", agencyCode: nil),
        .init(email: "operator@lumbung.example", name: "Operator Disdukcapil", role: .operator, password: "lumbung-operator", agencyCode: "DISDUKCAPIL"),
        .init(email: "evaluator@lumbung.example", name: "Evaluator Tim Penilai", role: .evaluator, password: "lumbung-evaluator", agencyCode: nil),
        .init(email: "viewer@lumbung.example", name: "Pengamat Bappeda", role: .viewer, password: "lumbung-viewer", agencyCode: nil),
    ]

    struct File: Decodable {
        struct AgencyEntry: Decodable {
            let code: String
            let name: String
            let shortName: String
            let kind: AgencyKind
            let parentCode: String?
        }
        struct InnovationEntry: Decodable {
            let agencyCode: String
            let name: String
            let acronym: String?
            let category: InnovationCategory
            let deliveryMode: DeliveryMode
            let stage: Stage
            let initiator: Initiator
            let mainAffair: String
            let otherAffairs: [String]
            let trialStart: String?
            let implementationStart: String?
            let design: String
            let goals: String
            let benefits: String
            let results: String
            let beneficiaries: String
            let themes: [String]
            let sdgs: [Int]
            let videoURL: String?
            let latitude: Double?
            let longitude: Double?
            let status: ReviewStatus
            let isPublic: Bool
            let replicatedFrom: String?
        }
        let agencies: [AgencyEntry]
        let innovations: [InnovationEntry]
    }

    enum LoadError: Error, CustomStringConvertible {
        case notEmpty
        case badData(String)

        var description: String {
            switch self {
            case .notEmpty:
                "The database already holds data; the demonstration province is only loaded into an empty database. / Basis data sudah berisi; data demonstrasi hanya dimuat ke basis data kosong."
            case .badData(let detail):
                "Demonstration data is invalid: \(detail)"
            }
        }
    }

    static func isEmpty(_ db: any Database) async throws -> Bool {
        let agencies = try await Agency.query(on: db).count()
        let users = try await User.query(on: db).count()
        let innovations = try await Innovation.query(on: db).count()
        return agencies + users + innovations == 0
    }

    /// Loads everything in one transaction: on any failure nothing is left behind.
    static func load(on db: any Database, now: Date, hasher: @escaping @Sendable (String) async throws -> String) async throws {
        guard try await isEmpty(db) else { throw LoadError.notEmpty }
        let url = URL(fileURLWithPath: ResourceLocation.directory + "Demo/kaltara.json")
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))

        var hashing: [String: String] = [:]
        for account in accounts { hashing[account.email] = try await hasher(account.password) }
        let hashes = hashing

        try await db.transaction { tx in
            var agencyIDs: [String: Int] = [:]
            for entry in file.agencies {
                let parent = try entry.parentCode.map { code in
                    guard let id = agencyIDs[code] else { throw LoadError.badData("unknown parent \(code)") }
                    return id
                }
                let agency = Agency(code: entry.code, name: entry.name, shortName: entry.shortName, kind: entry.kind, parentID: parent)
                try await agency.create(on: tx)
                agencyIDs[entry.code] = try agency.requireID()
            }

            var users: [Role: User] = [:]
            for account in accounts {
                let agencyID = try account.agencyCode.map { code in
                    guard let id = agencyIDs[code] else { throw LoadError.badData("unknown agency \(code)") }
                    return id
                }
                let user = User(email: account.email, name: account.name, passwordHash: hashes[account.email]!,
                                role: account.role, agencyID: agencyID)
                try await user.create(on: tx)
                users[account.role] = user
            }
            let admin = users[.admin]!
            let store = InnovationStore(db: tx)

            for entry in file.innovations {
                guard let agencyID = agencyIDs[entry.agencyCode] else { throw LoadError.badData("unknown agency \(entry.agencyCode)") }
                var input = InnovationFormInput()
                input.name = entry.name
                input.acronym = entry.acronym
                input.category = entry.category.rawValue
                input.deliveryMode = entry.deliveryMode.rawValue
                input.stage = entry.stage.rawValue
                input.initiator = entry.initiator.rawValue
                input.mainAffair = entry.mainAffair
                input.otherAffairs = entry.otherAffairs
                input.trialStart = entry.trialStart
                input.implementationStart = entry.implementationStart
                input.design = entry.design
                input.goals = entry.goals
                input.benefits = entry.benefits
                input.results = entry.results
                input.beneficiaries = entry.beneficiaries
                input.themes = entry.themes.joined(separator: ", ")
                input.sdgs = entry.sdgs.map(String.init)
                input.videoURL = entry.videoURL
                input.latitude = entry.latitude.map { String($0) }
                input.longitude = entry.longitude.map { String($0) }
                input.replicatedFromName = entry.replicatedFrom
                let profile: InnovationProfile
                switch input.parse() {
                case .success(let parsed): profile = parsed
                case .failure(let errors): throw LoadError.badData("\(entry.name): \(errors.map { $0.text(in: .en) })")
                }
                // The operator account belongs to one agency; other agencies' records are entered by the Biro.
                let author = users[.operator]!.operates(agencyID: agencyID) ? users[.operator]! : admin
                let innovation = Innovation(agencyID: agencyID, profile: profile, userID: author.id)
                try await store.save(innovation, action: "created", by: author)
                try await walk(innovation, to: entry.status, isPublic: entry.isPublic, author: author, admin: admin, store: store)
            }
            try await DemoCompetitions.load(on: tx, admin: admin, agencyOperator: users[.operator]!, now: now)
            try await DemoEvaluation.load(on: tx, admin: admin, evaluatorHash: hashes["evaluator@lumbung.example"]!, now: now)
            try await DemoInventory.load(on: tx, admin: admin, agencyOperator: users[.operator]!, validator: users[.viewer]!, now: now)
            try await tx.audit(admin, "demo.load", "system", nil, "\(file.agencies.count) agencies, \(file.innovations.count) innovations")
            try await Setting(key: Setting.demoKey, value: "true").create(on: tx)
        }
    }

    /// Takes a new innovation through the workflow to where the demonstration wants it, so
    /// that its history reads like a real one.
    private static func walk(_ innovation: Innovation, to status: ReviewStatus, isPublic: Bool, author: User, admin: User,
                             store: InnovationStore) async throws {
        guard status != .draft else { return }
        func step(_ action: ReviewAction, by user: User, comments: [String: String]? = nil) async throws {
            let actor = ReviewActor(role: user.role, ownsAgency: user.operates(agencyID: innovation.$agency.id))
            innovation.reviewState = try ReviewWorkflow.apply(action, to: innovation.reviewState, by: actor)
            if let comments {
                innovation.reviewComments = String(decoding: try JSONEncoder.sorted.encode(comments), as: UTF8.self)
            }
            if action == .submit { innovation.submittedAt = Date() }
            if action == .verify { innovation.verifiedAt = Date() }
            try await store.save(innovation, action: action.rawValue, by: user, comments: comments)
        }
        try await step(.submit, by: author)
        switch status {
        case .revisionRequested:
            try await step(.requestRevision, by: admin, comments: [
                "design": "Mohon lengkapi dasar hukum dan tahapan penerapan pada rancang bangun.",
                "results": "Sertakan data capaian terbaru (tahun berjalan) beserta sumbernya.",
            ])
        case .verified:
            try await step(.verify, by: admin)
            if isPublic { try await step(.publish, by: admin) }
        case .archived:
            try await step(.archive, by: admin)
        case .draft, .submitted:
            break
        }
    }
}
