import Foundation
import NIOCore
import Testing
import VaporTesting
@testable import App

/// A minimal browser for tests: keeps the session cookie and the CSRF token between requests,
/// and sends forms as a browser would.
struct Browser {
    let app: Application
    private(set) var cookie: String?
    private(set) var csrfToken: String?
    private(set) var last: TestingHTTPResponse?

    init(_ app: Application) { self.app = app }

    @discardableResult
    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        let cookie = self.cookie
        let response = try await app.sendRequest(.GET, path) { req in
            if let cookie { req.headers.replaceOrAdd(name: .cookie, value: cookie) }
        }
        remember(response)
        return response
    }

    /// Posts a form; adds the CSRF token unless `withToken` is false.
    @discardableResult
    mutating func post(_ path: String, _ fields: [(String, String)] = [], withToken: Bool = true) async throws -> TestingHTTPResponse {
        if withToken && csrfToken == nil { try await get("/login") }
        var all = fields
        if withToken, let token = csrfToken { all.append(("csrfToken", token)) }
        let body = all.map { Self.encode($0) + "=" + Self.encode($1) }.joined(separator: "&")
        let cookie = self.cookie
        let response = try await app.sendRequest(.POST, path, body: ByteBuffer(string: body)) { req in
            req.headers.contentType = .urlEncodedForm
            if let cookie { req.headers.replaceOrAdd(name: .cookie, value: cookie) }
        }
        remember(response)
        return response
    }

    mutating func login(_ email: String, password: String = Fixture.password) async throws {
        csrfToken = nil
        try await get("/login")
        let response = try await post("/login", [("email", email), ("password", password)])
        #expect(response.status == .seeOther, "login of \(email) failed: \(response.status)")
        csrfToken = nil
        try await get("/account/password")
    }

    mutating func logout() async throws {
        try await post("/logout")
        cookie = nil
        csrfToken = nil
    }

    private mutating func remember(_ response: TestingHTTPResponse) {
        last = response
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0]
            if pair.hasPrefix("lumbung_session=") {
                cookie = header.contains("Max-Age=0") || header.lowercased().contains("expires=thu, 01 jan 1970") ? nil : String(pair)
            }
        }
        let body = response.body.string
        if let range = body.range(of: "name=\"csrfToken\" value=\"") {
            let rest = body[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { csrfToken = String(rest[..<end]) }
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "").replacingOccurrences(of: "%20", with: "+")
    }
}

extension TestingHTTPResponse {
    var location: String { headers.first(name: .location) ?? "" }
}
