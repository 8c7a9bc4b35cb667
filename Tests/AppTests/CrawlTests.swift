import Foundation
import Testing
import VaporTesting
@testable import App

extension AppTests {
    /// Every page the demonstration province links to, as each role finds it by following
    /// links from the dashboard: none fails, and none is heavier than a slow connection allows.
    @Suite struct CrawlTests {
        /// The weight every page keeps to before compression (DESIGN.md: a border district on a
        /// slow mobile connection).
        static let pageLimit = 60_000

        @Test(arguments: ["admin", "operator", "evaluator", "viewer"])
        func everyLinkedPageAnswersAndStaysLight(role: String) async throws {
            try await withApp { app in
                try await DemoProvince.load(on: app.db, now: app.clock.now()) { try await app.password.async.hash($0) }
                try await app.catalogue.rebuild(on: app.db)
                var browser = Browser(app)
                try await browser.login("\(role)@lumbung.example", password: "lumbung-\(role)")

                var queue = ["/"]
                var seen: Set<String> = ["/"]
                var perShape: [String: Int] = [:]
                var visited = 0
                var failures: [String] = []
                while !queue.isEmpty && visited < 400 {
                    let path = queue.removeFirst()
                    let response = try await browser.get(path)
                    visited += 1
                    if response.status.code >= 400 { failures.append("\(path): \(response.status.code)") }
                    guard response.headers.contentType?.subType == "html" else { continue }
                    let size = response.body.readableBytes
                    if size > Self.pageLimit { failures.append("\(path): \(size) bytes") }
                    for link in Self.links(in: response.body.string) where !seen.contains(link) {
                        seen.insert(link)
                        // A few of each kind of page: /innovations/12 and /innovations/40 are the same page.
                        let shape = Self.shape(of: link)
                        guard perShape[shape, default: 0] < 3 else { continue }
                        perShape[shape, default: 0] += 1
                        queue.append(link)
                    }
                }
                #expect(failures.isEmpty, "\(role): \(failures)")
                #expect(visited >= 10, "\(role) reached only \(visited) pages")
            }
        }

        /// Links to this site's pages (not downloads, not the language switch).
        static func links(in html: String) -> [String] {
            var found: [String] = []
            var rest = html[...]
            while let start = rest.range(of: "href=\"/") {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let link = "/" + rest[..<end].replacingOccurrences(of: "&amp;", with: "&")
                rest = rest[end...]
                if link.hasPrefix("//") || link.hasPrefix("/bahasa/") || link.hasPrefix("/app.") { continue }
                if [".xlsx", ".csv", ".json"].contains(where: { link.split(separator: "?").first?.hasSuffix($0) == true }) { continue }
                if link.contains("/documents/") || link.contains("/evidence/") { continue }
                found.append(String(link.split(separator: "#").first ?? ""))
            }
            return found
        }

        static func shape(of link: String) -> String {
            let path = link.split(separator: "?").first.map(String.init) ?? link
            return path.split(separator: "/").map { $0.allSatisfy(\.isNumber) ? ":id" : String($0) }.joined(separator: "/")
                + (link.contains("?") ? "?" : "")
        }
    }
}
