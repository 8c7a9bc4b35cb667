import Foundation
import Testing
@testable import LumbungCore

@Suite struct LocalPathTests {
    /// Every one of these could send a person off the site after login or a language switch.
    static let hostile: [String] = [
        "//evil.example", "//evil.example/path", "///evil.example", "////evil.example",
        "/\\evil.example", "\\\\evil.example", "\\/evil.example", "/\\/evil.example",
        "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "\t//evil.example",
        " //evil.example", "/ /evil.example", "/\u{000B}/evil.example", "/\u{0000}/evil.example",
        "/\u{00A0}/evil.example", "/\u{3000}/evil.example", "/\u{2028}/evil.example", "/\u{200B}/evil.example",
        "/%2F/evil.example", "/%2f%2fevil.example", "/%5Cevil.example", "%2F%2Fevil.example",
        "https://evil.example", "http:evil.example", "HTTPS://evil.example", "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "evil.example", "@evil.example", "", " ", "\u{0085}//evil.example",
    ]

    @Test(arguments: hostile) func hostileFormsFallBackHome(_ value: String) {
        #expect(LocalPath.safe(value) == "/", "\(value.debugDescription) was accepted as \(LocalPath.safe(value).debugDescription)")
    }

    @Test func thereAreAtLeastTwentyHostileForms() {
        #expect(Self.hostile.count >= 20)
    }

    @Test(arguments: [
        ("/innovations/12", "/innovations/12"),
        ("/catalogue?q=layanan%20publik&page=2", "/catalogue?q=layanan%20publik&page=2"),
        ("/agencies", "/agencies"),
        ("/", "/"),
    ]) func localPathsAreKept(_ value: String, _ expected: String) {
        #expect(LocalPath.safe(value) == expected)
    }

    @Test func aMissingOrOverlongValueFallsBack() {
        #expect(LocalPath.safe(nil, fallback: "/catalogue") == "/catalogue")
        #expect(LocalPath.safe("/" + String(repeating: "a", count: LocalPath.maximumLength)) == "/")
    }
}

@Suite struct ClientAddressTests {
    @Test func withoutTrustedProxiesTheSocketDecides() {
        let address = ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["1.2.3.4", "5.6.7.8"], trusted: .none)
        #expect(address == "203.0.113.9")
    }

    @Test func aTrustedProxyIsBelievedForTheHopItSaw() throws {
        let trusted = try TrustedProxies(parsing: "10.0.0.0/8, 127.0.0.1")
        // The client wrote "1.2.3.4" itself; the proxy appended the address it saw.
        let address = ClientAddress.resolve(peer: "10.1.2.3", forwardedFor: ["1.2.3.4, 198.51.100.7"], trusted: trusted)
        #expect(address == "198.51.100.7")
        // Two trusted proxies in a row: the right-most untrusted hop.
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["198.51.100.7", "10.0.0.5"], trusted: trusted) == "198.51.100.7")
        // A header that is not an address is not believed.
        #expect(ClientAddress.resolve(peer: "10.1.2.3", forwardedFor: ["1.2.3.4, nonsense"], trusted: trusted) == "10.1.2.3")
    }

    @Test func anUntrustedPeerCannotForgeItsAddress() throws {
        let trusted = try TrustedProxies(parsing: "10.0.0.1")
        #expect(ClientAddress.resolve(peer: "192.0.2.50", forwardedFor: ["10.0.0.1"], trusted: trusted) == "192.0.2.50")
    }

    @Test func rangesWorkForIPv4AndIPv6() throws {
        let trusted = try TrustedProxies(parsing: "192.168.0.0/16,2001:db8::/32,::1")
        #expect(trusted.contains("192.168.200.1"))
        #expect(!trusted.contains("192.169.0.1"))
        #expect(trusted.contains("2001:db8:1::5"))
        #expect(!trusted.contains("2001:db9::5"))
        #expect(trusted.contains("::1"))
        #expect(!trusted.contains("not-an-address"))
    }

    @Test func aMistypedEntryIsAnErrorThatNamesIt() {
        #expect(throws: TrustedProxies.InvalidEntry(entry: "10.0.0.300")) { try TrustedProxies(parsing: "10.0.0.1, 10.0.0.300") }
        #expect(throws: TrustedProxies.InvalidEntry(entry: "10.0.0.0/40")) { try TrustedProxies(parsing: "10.0.0.0/40") }
    }
}

@Suite struct DeploymentSettingsTests {
    @Test func testsNeverReadTheProductionDatabaseVariable() throws {
        let settings = try DeploymentSettings.read(["DATABASE_URL": "postgres://u:p@db.example/lumbung"], isTesting: true)
        #expect(settings.databaseLocation == .sqliteMemory)
    }

    @Test func aTestDatabaseMustSayItIsOne() throws {
        #expect(throws: DeploymentSettings.Problem.self) {
            try DeploymentSettings.read(["TEST_DATABASE_URL": "postgres://u:p@127.0.0.1:5432/lumbung"], isTesting: true)
        }
        let settings = try DeploymentSettings.read(["TEST_DATABASE_URL": "postgres://u:p@127.0.0.1:5432/lumbung_test"], isTesting: true)
        #expect(settings.databaseLocation == .postgres(url: "postgres://u:p@127.0.0.1:5432/lumbung_test"))
        #expect(throws: DeploymentSettings.Problem.self) { try DeploymentSettings.read(["TEST_DATABASE_URL": "sqlite:///srv/lumbung.sqlite"], isTesting: true) }
        #expect(try DeploymentSettings.read(["TEST_DATABASE_URL": "sqlite:///tmp/lumbung-test.sqlite"], isTesting: true).databaseLocation
                == .sqliteFile(path: "/tmp/lumbung-test.sqlite"))
    }

    @Test(arguments: [("lumbung_test", true), ("test_lumbung", true), ("lumbung-tests.sqlite", true), ("TEST", true),
                      ("lumbung", false), ("latest", false), ("contest_2026", false), ("attestation.sqlite", false), ("testing", false)])
    func onlyANameThatSaysTestAsAWordIsATestDatabase(name: String, accepted: Bool) {
        #expect(DatabaseLocation.isMarkedForTests(name) == accepted)
    }

    @Test func productionReadsItsOwnVariablesWithDefaults() throws {
        let defaults = try DeploymentSettings.read([:], isTesting: false)
        #expect(defaults.databaseLocation == .sqliteFile(path: "lumbung.sqlite"))
        #expect(defaults.sessionIdleTimeout == 120 * 60)
        #expect(defaults.sessionLifetime == 12 * 3600)
        #expect(!defaults.secureCookies)
        #expect(defaults.metricsToken == nil)
        let custom = try DeploymentSettings.read([
            "LUMBUNG_SECURE_COOKIES": "true", "LUMBUNG_SESSION_IDLE_MINUTES": "30", "LUMBUNG_SESSION_HOURS": "8",
            "LUMBUNG_TRUSTED_PROXIES": "10.0.0.1", "LUMBUNG_METRICS_TOKEN": "abc", "LUMBUNG_IMPORT_MAX_MB": "16",
        ], isTesting: false)
        #expect(custom.secureCookies && custom.sessionIdleTimeout == 1800 && custom.sessionLifetime == 8 * 3600)
        #expect(custom.trustedProxies.contains("10.0.0.1") && custom.metricsToken == "abc" && custom.importLimitBytes == 16 * 1024 * 1024)
    }

    @Test(arguments: [
        ("LUMBUNG_SECURE_COOKIES", "maybe"), ("LUMBUNG_SESSION_IDLE_MINUTES", "0"), ("LUMBUNG_SESSION_HOURS", "many"),
        ("LUMBUNG_TRUSTED_PROXIES", "proxy.local"), ("LUMBUNG_SEARCH_CACHE", "-1"), ("LUMBUNG_IMPORT_MAX_MB", "99999"),
        ("DATABASE_URL", "mysql://x"),
    ]) func badValuesNameTheirVariable(_ name: String, _ value: String) {
        do {
            _ = try DeploymentSettings.read([name: value], isTesting: false)
            Issue.record("\(name)=\(value) was accepted")
        } catch {
            #expect(error.variable == name)
        }
    }

    @Test func anIdleTimeoutLongerThanTheLifetimeIsRefused() {
        #expect(throws: DeploymentSettings.Problem.self) {
            try DeploymentSettings.read(["LUMBUNG_SESSION_IDLE_MINUTES": "600", "LUMBUNG_SESSION_HOURS": "2"], isTesting: false)
        }
    }
}

@Suite struct SessionPolicyTests {
    let policy = SessionPolicy(idleTimeout: 3600, lifetime: 8 * 3600)
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func idleAndAbsoluteLimitsBothEndASession() {
        #expect(!policy.isExpired(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(3599)))
        #expect(policy.isExpired(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(3600)))
        // Used every half hour, it still ends after eight hours.
        let recent = start.addingTimeInterval(8 * 3600 - 60)
        #expect(!policy.isExpired(createdAt: start, lastSeenAt: recent, now: start.addingTimeInterval(8 * 3600 - 1)))
        #expect(policy.isExpired(createdAt: start, lastSeenAt: recent, now: start.addingTimeInterval(8 * 3600)))
    }

    @Test func theLastUseIsWrittenAtMostOnceAMinute() {
        #expect(!policy.needsTouch(lastSeenAt: start, now: start.addingTimeInterval(59)))
        #expect(policy.needsTouch(lastSeenAt: start, now: start.addingTimeInterval(60)))
        let short = SessionPolicy(idleTimeout: 120, lifetime: 3600)
        #expect(short.needsTouch(lastSeenAt: start, now: start.addingTimeInterval(12)))
    }
}
