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
        if let replicatedFromID { out.key("replicatedFromID"); out.text += String(replicatedFromID) }
        out.key("replicatedFromName"); out.string(replicatedFromName)
        out.key("results"); out.string(results)
        out.key("sdgs"); out.text += "[" + sdgs.map(String.init).joined(separator: ",") + "]"
        out.key("stage"); out.string(stage.rawValue)
        out.key("themes"); out.strings(themes)
        if let trialStart { out.key("trialStart"); out.string(trialStart) }
        out.key("videoURL"); out.string(videoURL)
        out.text += "}"
        return out.text
    }
}

/// A JSON object written field by field, escaping as Foundation's encoder does (slashes too).
struct JSONText {
    var text = ""
    private var first = true

    mutating func open() {
        text.reserveCapacity(4096)
        text += "{"
    }

    mutating func key(_ name: String) {
        if !first { text += "," }
        first = false
        string(name)
        text += ":"
    }

    mutating func strings(_ values: [String]) {
        text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            string(value)
        }
        text += "]"
    }

    mutating func number(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            text += String(Int64(value))
        } else {
            text += String(value)
        }
    }

    mutating func string(_ value: String) {
        text += "\""
        var plainStart = value.utf8.startIndex
        let utf8 = value.utf8
        var index = plainStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            let escape: String?
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "/"): escape = "\\/"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escape = nil
            }
            if let escape {
                text += value[plainStart..<index]
                text += escape
                plainStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        text += value[plainStart..<utf8.endIndex]
        text += "\""
    }
}
