/// The checks an imported row needs the rest of the file and the registry for: a code used
/// twice, an agency that does not exist, a name another innovation of the agency already has.
/// Rows are checked in file order, one at a time, so a file is read only once.
public struct ImportCrossCheck: Sendable {
    public struct Existing: Sendable {
        public let code: String
        public let agencyID: Int
        public let nameKey: String

        public init(code: String, agencyID: Int, nameKey: String) {
            self.code = code
            self.agencyID = agencyID
            self.nameKey = nameKey
        }
    }

    /// Agency ids by upper-cased agency code.
    public let agencyIDs: [String: Int]
    private var rowOfCode: [String: Int] = [:]
    /// "agency id|name key" → the code of the innovation holding that name.
    private var nameOwner: [String: String] = [:]
    private let oldNameKey: [String: String]

    public init(agencyIDs: [String: Int], existing: [Existing]) {
        self.agencyIDs = agencyIDs
        for entry in existing { nameOwner["\(entry.agencyID)|\(entry.nameKey)"] = entry.code }
        oldNameKey = Dictionary(existing.map { ($0.code, "\($0.agencyID)|\($0.nameKey)") }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether an innovation with this code was in the registry when the import began.
    public func isStored(_ code: String) -> Bool {
        oldNameKey[code] != nil
    }

    /// The problems of one mapped row against the rows before it and the registry.
    public mutating func check(_ result: ImportRowMapper.RowResult, row number: Int) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        if let code = result.code {
            if let earlier = rowOfCode[code] {
                problems.append(ImportProblem(row: number, column: "kode", message: LocalizedMessage("import.duplicateCode", String(earlier))))
            } else {
                rowOfCode[code] = number
            }
        }
        if let agencyCode = result.agencyCode, agencyIDs[agencyCode] == nil {
            problems.append(ImportProblem(row: number, column: "kode_perangkat_daerah",
                                          message: LocalizedMessage("import.unknownAgency", agencyCode)))
        }
        if let row = result.innovation, let agencyID = agencyIDs[row.agencyCode] {
            // The row takes over its own old name; another innovation's name is refused.
            if let old = oldNameKey[row.code], nameOwner[old] == row.code { nameOwner.removeValue(forKey: old) }
            let key = "\(agencyID)|\(InnovationProfile.nameKey(row.profile.name))"
            if let owner = nameOwner[key], owner != row.code {
                problems.append(ImportProblem(row: number, column: "nama", message: LocalizedMessage("import.nameTaken", owner)))
            }
            nameOwner[key] = row.code
        }
        return problems
    }
}
