import Fluent
import LumbungCore
import SQLKit

/// Editions, proposals with their revisions, uploaded files, and the awards and stage results
/// that make up each innovation's history.
struct M010CreateCompetitions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Competition.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("year", .int, .required)
            .field("organiser", .string, .required)
            .field("registration_opens_at", .datetime, .required)
            .field("registration_closes_at", .datetime, .required)
            .field("definition", .string, .required)
            .field("copied_from_id", .int, .references(Competition.schema, .id))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(Proposal.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("competition_id", .int, .required, .references(Competition.schema, .id))
            .field("innovation_id", .int, .required, .references(Innovation.schema, .id))
            .field("agency_id", .int, .required, .references(Agency.schema, .id))
            .field("group_key", .string, .required)
            .field("category_key", .string, .required)
            .field("sections", .string, .required)
            .field("video_url", .string, .required)
            .field("sdgs", .array(of: .int), .required)
            .field("status", .string, .required)
            .field("review_comments", .string)
            .field("submitted_at", .datetime)
            .field("selected_at", .datetime)
            .field("handed_over_at", .datetime)
            .field("handed_over_by", .string)
            .field("created_by", .int)
            .field("updated_by", .int)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "competition_id", "innovation_id")
            .create()
        try await database.schema(ProposalRevision.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("proposal_id", .int, .required, .references(Proposal.schema, .id))
            .field("number", .int, .required)
            .field("action", .string, .required)
            .field("user_id", .int)
            .field("user_name", .string, .required)
            .field("status", .string, .required)
            .field("snapshot", .string, .required)
            .field("note", .string)
            .field("created_at", .datetime)
            .unique(on: "proposal_id", "number")
            .create()
        try await database.schema(Attachment.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("owner_kind", .string, .required)
            .field("owner_id", .int, .required)
            .field("purpose", .string, .required)
            .field("file_name", .string, .required)
            .field("kind", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("data", .data, .required)
            .field("uploaded_by", .int)
            .field("uploaded_by_name", .string, .required)
            .field("is_current", .bool, .required)
            .field("uploaded_at", .datetime)
            .create()
        try await database.schema(Award.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("innovation_id", .int, .required, .references(Innovation.schema, .id))
            .field("competition_id", .int, .references(Competition.schema, .id))
            .field("proposal_id", .int, .references(Proposal.schema, .id))
            .field("kind", .string, .required)
            .field("year", .int, .required)
            .field("edition_name", .string, .required)
            .field("organiser", .string, .required)
            .field("item_key", .string, .required)
            .field("label", .string, .required)
            .field("is_finalist", .bool, .required)
            .field("is_top_tier", .bool, .required)
            .field("recorded_by", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "proposals_competition_idx").on(Proposal.schema).column("competition_id").column("status").run()
        try await sql.create(index: "proposals_agency_idx").on(Proposal.schema).column("agency_id").run()
        try await sql.create(index: "attachments_owner_idx").on(Attachment.schema).column("owner_kind").column("owner_id").run()
        try await sql.create(index: "awards_innovation_idx").on(Award.schema).column("innovation_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [Award.schema, Attachment.schema, ProposalRevision.schema, Proposal.schema, Competition.schema] {
            try await database.schema(schema).delete()
        }
    }
}

/// The three known editions every database starts with (`EditionSeeds`), to copy and edit.
struct M011SeedEditions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for seed in EditionSeeds.all {
            let competition = Competition(name: seed.name, year: seed.year, organiser: seed.organiser,
                                          opensAt: WITATime.instant(seed.opens.day, hour: seed.opens.hour, minute: seed.opens.minute),
                                          closesAt: WITATime.instant(seed.closes.day, hour: seed.closes.hour, minute: seed.closes.minute),
                                          definition: seed.definition)
            try await competition.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await Competition.query(on: database).filter(\.$name ~~ EditionSeeds.all.map(\.name)).delete()
    }
}
