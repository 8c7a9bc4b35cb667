/// The profile as the JSON a revision keeps: the same text a `JSONEncoder` with sorted keys
/// writes (a test holds the two together), written directly because imports write one
/// snapshot per row and the generic encoder was a sixth of an import's time.
extension InnovationProfile {
    public var snapshotJSON: String {
        var out = JSONText()
        out.open()
        out.key("acronym"); out.string(acronym)
        out.key("beneficiaries"); out.string(beneficiaries)
        out.key("benefits"); out.string(benefits)
        out.key("category"); out.string(category.rawValue)
        out.key("deliveryMode"); out.string(deliveryMode.rawValue)
        out.key("design"); out.string(design)
        out.key("goals"); out.string(goals)
        if let implementationStart { out.key("implementationStart"); out.string(implementationStart) }
        out.key("initiator"); out.string(initiator.rawValue)
        if let latitude { out.key("latitude"); out.number(latitude) }
        if let longitude { out.key("longitude"); out.number(longitude) }
        if let mainAffair { out.key("mainAffair"); out.string(mainAffair) }
        out.key("name"); out.string(name)
        out.key("otherAffairs"); out.strings(otherAffairs)
        if let replicatedFromID { out.key("replicatedFromID"); out.raw(String(replicatedFromID)) }
        out.key("replicatedFromName"); out.string(replicatedFromName)
        out.key("results"); out.string(results)
        out.key("sdgs"); out.raw("[" + sdgs.map(String.init).joined(separator: ",") + "]")
        out.key("stage"); out.string(stage.rawValue)
        out.key("themes"); out.strings(themes)
        if let trialStart { out.key("trialStart"); out.string(trialStart) }
        out.key("videoURL"); out.string(videoURL)
        out.close()
        return out.text
    }
}

/// A JSON object written field by field, escaping as Foundation's encoder does (slashes too).
struct JSONText {
    private var bytes: [UInt8] = []
    private var first = true

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func open() {
        bytes.reserveCapacity(4096)
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func close() {
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func key(_ name: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func strings(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func number(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            raw(String(Int64(value)))
        } else {
            raw(String(value))
        }
    }

    /// Copies runs of plain bytes at once; only quotes, backslashes, slashes and control
    /// characters are escaped (UTF-8 above ASCII is written as it is).
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var plainStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                bytes.append(contentsOf: Self.escape(byte).utf8)
                plainStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    static func escape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): return "\\\""
        case UInt8(ascii: "\\"): return "\\\\"
        case UInt8(ascii: "/"): return "\\/"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        default:
            let hex = String(byte, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
