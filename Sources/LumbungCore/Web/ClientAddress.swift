import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The proxies whose `X-Forwarded-For` header is believed: single addresses or CIDR ranges,
/// IPv4 or IPv6, from `LUMBUNG_TRUSTED_PROXIES` (comma-separated). Empty means none: the
/// client's address is then always the socket's, whatever the request says.
public struct TrustedProxies: Sendable, Equatable {
    struct Range: Sendable, Equatable {
        let network: [UInt8]
        let prefixLength: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == network.count else { return false }
            var remaining = prefixLength
            for index in 0..<address.count where remaining > 0 {
                let bits = min(8, remaining)
                let mask: UInt8 = bits == 8 ? 0xFF : ~(0xFF >> UInt8(bits))
                if address[index] & mask != network[index] & mask { return false }
                remaining -= bits
            }
            return true
        }
    }

    let ranges: [Range]

    public static let none = TrustedProxies(ranges: [])

    init(ranges: [Range]) { self.ranges = ranges }

    public struct InvalidEntry: Error, Equatable, CustomStringConvertible {
        public let entry: String
        public var description: String { "LUMBUNG_TRUSTED_PROXIES: \"\(entry)\" is not an IP address or CIDR range" }
    }

    /// Reads `10.0.0.1, 10.1.0.0/16, ::1`; an entry that is not an address is an error, so that
    /// a typing mistake does not silently trust nobody (or everybody).
    public init(parsing text: String) throws(InvalidEntry) {
        var ranges: [Range] = []
        for raw in text.split(separator: ",") {
            let entry = raw.trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty else { continue }
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let address = IPAddress.bytes(parts[0]) else { throw InvalidEntry(entry: entry) }
            var prefix = address.count * 8
            if parts.count == 2 {
                guard let length = Int(parts[1]), (0...address.count * 8).contains(length) else { throw InvalidEntry(entry: entry) }
                prefix = length
            }
            ranges.append(Range(network: address, prefixLength: prefix))
        }
        self.ranges = ranges
    }

    public func contains(_ address: String) -> Bool {
        guard let bytes = IPAddress.bytes(address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }
}

/// Who sent a request, for counting failed logins per address.
public enum ClientAddress {
    /// The socket's peer, unless that peer is a trusted proxy: then the right-most address in
    /// `X-Forwarded-For` that is not itself a trusted proxy. The left-most entries are whatever
    /// the client wrote and are never believed on their own.
    public static func resolve(peer: String?, forwardedFor: [String], trusted: TrustedProxies) -> String {
        guard let peer else { return "unknown" }
        guard trusted.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() {
            guard IPAddress.bytes(hop) != nil else { return peer }
            if !trusted.contains(hop) { return hop }
        }
        return hops.first ?? peer
    }
}

enum IPAddress {
    /// The address as 4 or 16 bytes, or nil when it is not an IP address.
    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}
