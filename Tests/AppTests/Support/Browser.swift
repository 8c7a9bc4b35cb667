import Foundation
import NIOCore
import Testing
import VaporTesting
@testable import App

/// A minimal browser for tests: keeps the session cookie and the CSRF token between requests,
/// and sends forms as a browser would.
struct Browser {
    let app: Application
    /// Cookies by name, as a browser keeps them.
    private(set) var cookies: [String: String] = [:]
    private(set) var csrfToken: String?
    /// The address the requests come from, as the server's socket sees it.
    var remoteAddress = "127.0.0.1"

    var cookie: String? { cookies.isEmpty ? nil : cookies.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: "; ") }
    var sessionCookie: String? { cookies["lumbung_session"] }
    private(set) var last: TestingHTTPResponse?

    init(_ app: Application) { self.app = app }

    @discardableResult
    mutating func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        let cookie = self.cookie
        let response = try await app.sendRequest(.GET, path) { req in
            if let cookie { req.headers.replaceOrAdd(name: .cookie, value: cookie) }
            for (name, value) in headers { req.headers.replaceOrAdd(name: name, value: value) }
        }
        remember(response)
        return response
    }

    /// Sends a file as a browser's upload form does (multipart), with the CSRF token.
    @discardableResult
    mutating func upload(_ path: String, file: (name: String, bytes: [UInt8], type: String), fields: [(String, String)] = [],
                         withToken: Bool = true) async throws -> TestingHTTPResponse {
        if withToken && csrfToken == nil { try await get("/login") }
        let boundary = "----lumbung-test-boundary"
        var body = ByteBuffer()
        var all = fields
        if withToken, let token = csrfToken { all.append(("csrfToken", token)) }
        for (name, value) in all {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n")
        body.writeBytes(file.bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        let cookie = self.cookie
        let response = try await app.sendRequest(.POST, path, body: body) { req in
            req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            if let cookie { req.headers.replaceOrAdd(name: .cookie, value: cookie) }
        }
        remember(response)
        return response
    }

    /// Posts a form; adds the CSRF token unless `withToken` is false.
    @discardableResult
    mutating func post(_ path: String, _ fields: [(String, String)] = [], withToken: Bool = true,
                       headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        if withToken && csrfToken == nil { try await get("/login") }
        var all = fields
        if withToken, let token = csrfToken { all.append(("csrfToken", token)) }
        let body = all.map { Self.encode($0) + "=" + Self.encode($1) }.joined(separator: "&")
        let cookie = self.cookie
        let response = try await app.sendRequest(.POST, path, body: ByteBuffer(string: body)) { req in
            req.headers.contentType = .urlEncodedForm
            if let cookie { req.headers.replaceOrAdd(name: .cookie, value: cookie) }
            for (name, value) in headers { req.headers.replaceOrAdd(name: name, value: value) }
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
        cookies["lumbung_session"] = nil
        csrfToken = nil
    }

    /// Forgets the session cookie, as a browser does when it closes.
    mutating func forgetSession() {
        cookies["lumbung_session"] = nil
        csrfToken = nil
    }

    private mutating func remember(_ response: TestingHTTPResponse) {
        last = response
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0]
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            let expired = header.contains("Max-Age=0") || header.lowercased().contains("expires=thu, 01 jan 1970")
            cookies[name] = expired || value.isEmpty ? nil : value
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
