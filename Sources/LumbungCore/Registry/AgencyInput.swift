/// What an admin typed into the agency form.
public struct AgencyInput: Codable, Equatable, Sendable {
    public var code: String?
    public var name: String?
    public var shortName: String?
    public var kind: String?
    public var parentID: String?

    public init(code: String? = nil, name: String? = nil, shortName: String? = nil, kind: String? = nil, parentID: String? = nil) {
        self.code = code
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.parentID = parentID
    }

    public struct Parsed: Equatable, Sendable {
        public var code: String
        public var name: String
        public var shortName: String
        public var kind: AgencyKind
        public var parentID: Int?
    }

    /// Problems are keyed by the form field name.
    public func parse() -> Validated<Parsed, [String: LocalizedMessage]> {
        var errors: [String: LocalizedMessage] = [:]
        let code = (code ?? "").trimmingWhitespace().uppercased()
        if code.isEmpty {
            errors["code"] = LocalizedMessage("error.required")
        } else if code.count > 30 || !code.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" || $0 == "." }) {
            errors["code"] = LocalizedMessage("error.badCode")
        }
        let name = (name ?? "").trimmingWhitespace()
        if name.isEmpty { errors["name"] = LocalizedMessage("error.required") }
        else if name.count > 200 { errors["name"] = LocalizedMessage("error.tooLong", "200", String(name.count)) }
        let shortName = (shortName ?? "").trimmingWhitespace()
        if shortName.count > 60 { errors["shortName"] = LocalizedMessage("error.tooLong", "60", String(shortName.count)) }
        var kind = AgencyKind.office
        if let raw = self.kind, let parsed = AgencyKind(rawValue: raw) { kind = parsed }
        else { errors["kind"] = LocalizedMessage("error.unknownChoice", String((self.kind ?? "").prefix(30))) }
        var parent: Int?
        let rawParent = (parentID ?? "").trimmingWhitespace()
        if !rawParent.isEmpty {
            if let id = Int(rawParent) { parent = id } else { errors["parentID"] = LocalizedMessage("error.unknownChoice", String(rawParent.prefix(20))) }
        }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(Parsed(code: code, name: name, shortName: shortName, kind: kind, parentID: parent))
    }
}
