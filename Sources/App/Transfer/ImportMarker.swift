import Fluent
import LumbungCore
import Vapor

/// A note in the `settings` table, written (and committed) before an import's long transaction
/// and removed after it, so that a save refused as "database busy" meanwhile can say that an
/// import is running, since when and by whom.
enum ImportMarker {
    static let key = "import_running"
    /// A note older than this is left over from an import that was killed, and is ignored.
    static let staleAfter: TimeInterval = 3 * 3600

    struct Note: Codable {
        let startedAt: Date
        let by: String
    }

    static func begin(by who: String, at now: Date, on db: any Database) async throws {
        let text = String(decoding: try JSONEncoder().encode(Note(startedAt: now, by: who)), as: UTF8.self)
        if let existing = try await Setting.find(key, on: db) {
            existing.value = text
            try await existing.save(on: db)
        } else {
            try await Setting(key: key, value: text).create(on: db)
        }
    }

    static func end(on db: any Database) async {
        try? await Setting.query(on: db).filter(\.$id == key).delete()
    }

    static func current(on db: any Database, now: Date) async throws -> Note? {
        guard let stored = try await Setting.find(key, on: db),
              let note = try? JSONDecoder().decode(Note.self, from: Data(stored.value.utf8)),
              now.timeIntervalSince(note.startedAt) < staleAfter else { return nil }
        return note
    }

    /// The message for a write refused because the database stayed busy.
    static func busyMessage(for request: Request) async throws -> String {
        guard let note = try await current(on: request.db, now: request.now) else { return request.t("error.page.busy") }
        return request.t("error.page.busyImport", IndonesianFormat.dateTime(note.startedAt, language: request.language), note.by)
    }
}
