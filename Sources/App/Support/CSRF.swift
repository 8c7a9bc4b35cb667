import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Tokens that state-changing forms carry (field `csrfToken` or header `X-CSRF-Token`).
///
/// A token is an HMAC, under a key kept in the database (so that every instance agrees), of
/// what binds it to one browser: the signed-in session, or for the login form a random nonce in
/// a cookie of its own ("signed double submit"). Nothing is stored per page view: the login
/// page makes no session row, and a signed-in page writes nothing to make its token.
enum CSRFTokens {
    static let fieldName = "csrfToken"
    static let headerName = "X-CSRF-Token"
    static let anonymousCookieName = "lumbung_csrf"

    static func token(key: SymmetricKey, binding: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(binding.utf8), using: key)).base64URLEncoded
    }

    /// The token as a page carries it: a fresh random pad and the token XORed with it, so that
    /// no two answers hold the same bytes and compressing pages (gzip) reveals nothing of the
    /// token to someone who can make the page reflect their guesses (BREACH).
    static func masked(_ token: String) -> String {
        let bytes = Array(Data(base64URLEncoded: token) ?? Data())
        let pad = [UInt8].random(count: bytes.count)
        return Data(pad + zip(pad, bytes).map { $0 ^ $1 }).base64URLEncoded
    }

    /// The token inside a masked one; a token sent as it is (by a script using the header) is
    /// returned unchanged.
    static func unmasked(_ sent: String) -> String {
        guard let data = Data(base64URLEncoded: sent), data.count == 64 else { return sent }
        let bytes = Array(data)
        return Data(zip(bytes[..<32], bytes[32...]).map { $0 ^ $1 }).base64URLEncoded
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

extension Request {
    /// The token for a form on this page: bound to the session when signed in, else to the
    /// anonymous nonce (made, with its cookie, on first use).
    /// Masked afresh on every call (`CSRFTokens.masked`).
    func csrfToken() async throws -> String {
        let key = try await application.secrets.csrfKey(on: db)
        if let hash = sessionState.tokenHash {
            return CSRFTokens.masked(CSRFTokens.token(key: key, binding: "session:" + hash))
        }
        let nonce: String
        if let existing = cookies[CSRFTokens.anonymousCookieName]?.string, (16...100).contains(existing.utf8.count) {
            nonce = existing
        } else if let made = sessionState.newAnonymousNonce {
            nonce = made
        } else {
            nonce = Data([UInt8].random(count: 24)).base64URLEncoded
            sessionState.newAnonymousNonce = nonce
        }
        return CSRFTokens.masked(CSRFTokens.token(key: key, binding: "anonymous:" + nonce))
    }

    /// Whether the request carries the right token. Only the one field is read from the body,
    /// which the caller has already collected within the route's limit.
    func hasValidCSRFToken() async throws -> Bool {
        let sent = headers.first(name: CSRFTokens.headerName) ?? (try? content.get(String.self, at: CSRFTokens.fieldName))
        guard let sent, !sent.isEmpty else { return false }
        let key = try await application.secrets.csrfKey(on: db)
        let binding: String
        if let hash = sessionState.tokenHash {
            binding = "session:" + hash
        } else if let nonce = cookies[CSRFTokens.anonymousCookieName]?.string, !nonce.isEmpty {
            binding = "anonymous:" + nonce
        } else {
            return false
        }
        return CSRFTokens.constantTimeEquals(CSRFTokens.unmasked(sent), CSRFTokens.token(key: key, binding: binding))
    }
}

/// Keys the deployment shares, made once and kept in the `settings` table.
final class AppSecrets: Sendable {
    private let csrf = NIOLockedValueBox<SymmetricKey?>(nil)
    static let csrfSettingKey = "csrf_key"

    func csrfKey(on db: any Database) async throws -> SymmetricKey {
        if let key = csrf.withLockedValue({ $0 }) { return key }
        let key = try await Self.sharedKey(Self.csrfSettingKey, on: db)
        csrf.withLockedValue { $0 = key }
        return key
    }

    /// Reads the key, or makes it; when two instances make it at once, the first one written wins.
    static func sharedKey(_ name: String, on db: any Database) async throws -> SymmetricKey {
        if let stored = try await Setting.find(name, on: db), let data = Data(base64Encoded: stored.value) {
            return SymmetricKey(data: data)
        }
        let fresh = Data([UInt8].random(count: 32)).base64EncodedString()
        try await (db as! any SQLDatabase).insert(into: Setting.schema).columns("key", "value")
            .values(SQLBind(name), SQLBind(fresh)).ignoringConflicts(with: ["key"]).run()
        guard let stored = try await Setting.find(name, on: db), let data = Data(base64Encoded: stored.value) else {
            throw Abort(.internalServerError, reason: "the \(name) setting could not be stored")
        }
        return SymmetricKey(data: data)
    }
}

extension Application {
    private struct SecretsKey: StorageKey { typealias Value = AppSecrets }

    var secrets: AppSecrets { shared(SecretsKey.self) { AppSecrets() } }
}
