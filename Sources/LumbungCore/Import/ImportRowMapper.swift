/// One problem in an imported file, named by row and column as the spreadsheet shows them.
public struct ImportProblem: Equatable, Sendable {
    /// The spreadsheet row: the header is row 1, the first innovation row 2.
    public let row: Int
    public let column: String
    public let message: LocalizedMessage

    public init(row: Int, column: String, message: LocalizedMessage) {
        self.row = row
        self.column = column
        self.message = message
    }

    public func text(in language: Language) -> String {
        StringCatalogue.text("import.problem", language: language, arguments: [String(row), column, message.text(in: language)])
    }
}

/// One row, read and checked, ready to be written.
public struct ImportedInnovation: Equatable, Sendable {
    public let row: Int
    public let code: String
    public let agencyCode: String
    public let profile: InnovationProfile
    public let status: ReviewStatus
    public let isPublic: Bool
}

extension ImportedInnovation {
    public func keeping(replicatedFromID: Int?) -> ImportedInnovation {
        var profile = self.profile
        profile.replicatedFromID = replicatedFromID
        return ImportedInnovation(row: row, code: code, agencyCode: agencyCode, profile: profile, status: status, isPublic: isPublic)
    }
}

/// Reads the rows of an import file into innovations, one row at a time, with every problem of
/// the row. Checks that need other rows or the registry are `ImportCrossCheck`'s.
public enum ImportRowMapper {
    /// Where each known column sits in the file.
    public struct Header: Sendable {
        let index: [String: Int]
        let count: Int
    }

    /// What one row gave: the innovation when the row is sound, its problems otherwise, and its
    /// codes either way (for the checks that span rows or need the database).
    public struct RowResult: Sendable {
        public let innovation: ImportedInnovation?
        public let problems: [ImportProblem]
        public let code: String?
        public let agencyCode: String?
    }

    /// Reads the header row: every column named once, every required column present.
    public static func header(_ cells: [String]) -> Validated<Header, [ImportProblem]> {
        let names = cells.map { $0.trimmingWhitespace().lowercased().replacingSpaces() }
        var problems: [ImportProblem] = []
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where !name.isEmpty {
            if index[name] != nil {
                problems.append(ImportProblem(row: 1, column: name, message: LocalizedMessage("import.duplicateColumn")))
            }
            index[name] = position
        }
        for column in ImportTemplate.columns where column.required && index[column.header] == nil {
            problems.append(ImportProblem(row: 1, column: column.header, message: LocalizedMessage("import.missingColumn")))
        }
        return problems.isEmpty ? .success(Header(index: index, count: cells.count)) : .failure(problems)
    }

    /// One row. Blank rows give nothing and no problem.
    public static func mapRow(_ cells: [String], row rowNumber: Int, header: Header) -> RowResult {
        if cells.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
            return RowResult(innovation: nil, problems: [], code: nil, agencyCode: nil)
        }
        guard cells.count == header.count else {
            return RowResult(innovation: nil, problems: [ImportProblem(row: rowNumber, column: "-",
                             message: LocalizedMessage("import.columnCount", String(cells.count), String(header.count)))],
                             code: nil, agencyCode: nil)
        }
        let index = header.index
        func value(_ name: String) -> String {
            guard let position = index[name] else { return "" }
            return ImportRowMapper.unneutralised(cells[position].trimmingWhitespace())
        }
        var rowProblems: [ImportProblem] = []
        func problem(_ column: String, _ message: LocalizedMessage) {
            rowProblems.append(ImportProblem(row: rowNumber, column: column, message: message))
        }

        var validCode: String?
        let code = value("kode").uppercased()
        if code.isEmpty {
            problem("kode", LocalizedMessage("error.required"))
        } else if code.count > 40 || !code.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_./".contains($0) }) {
            problem("kode", LocalizedMessage("error.badCode"))
        } else {
            validCode = code
        }
        let agencyCode = value("kode_perangkat_daerah").uppercased()
        if agencyCode.isEmpty { problem("kode_perangkat_daerah", LocalizedMessage("error.required")) }

        var input = InnovationFormInput()
        input.name = value("nama")
        input.acronym = value("singkatan")
        input.category = choice(value("bentuk"), Self.categories, column: "bentuk", problem: problem)
        input.deliveryMode = choice(value("jenis"), Self.modes, column: "jenis", problem: problem)
        input.stage = choice(value("tahapan"), Self.stages, column: "tahapan", problem: problem)
        input.initiator = choice(value("inisiator"), Self.initiators, column: "inisiator", problem: problem)
        input.mainAffair = affairCode(value("urusan_utama"), column: "urusan_utama", problem: problem)
        input.otherAffairs = list(value("urusan_lain")).compactMap { affairCode($0, column: "urusan_lain", problem: problem) }
        input.trialStart = value("tanggal_uji_coba")
        input.implementationStart = value("tanggal_penerapan")
        input.design = value("rancang_bangun")
        input.goals = value("tujuan")
        input.benefits = value("manfaat")
        input.results = value("hasil")
        input.beneficiaries = value("penerima_manfaat")
        input.themes = list(value("tema")).joined(separator: ", ")
        input.sdgs = list(value("sdgs"))
        input.videoURL = value("tautan_video")
        input.latitude = value("lintang")
        input.longitude = value("bujur")
        input.replicatedFromName = value("replikasi_dari")

        let statusText = value("status")
        var status = ReviewStatus.draft
        if !statusText.isEmpty {
            if let known = Self.statuses[Self.key(statusText)] { status = known }
            else { problem("status", LocalizedMessage("error.unknownChoice", statusText)) }
        }
        var isPublic = false
        switch Self.key(value("publikasi")) {
        case "", "tidak", "no", "false", "0": isPublic = false
        case "ya", "yes", "true", "1": isPublic = true
        default: problem("publikasi", LocalizedMessage("error.unknownChoice", value("publikasi")))
        }
        if isPublic && status != .verified { problem("publikasi", LocalizedMessage("import.publishNeedsVerified")) }

        var innovation: ImportedInnovation?
        switch input.parse() {
        case .success(let profile):
            if rowProblems.isEmpty, let validCode {
                innovation = ImportedInnovation(row: rowNumber, code: validCode, agencyCode: agencyCode, profile: profile,
                                                status: status, isPublic: isPublic)
            }
        case .failure(let errors):
            // A column already reported (an unknown choice, say) is not reported twice.
            for error in errors {
                let column = Self.column(for: error.field)
                if !rowProblems.contains(where: { $0.column == column }) { problem(column, error.message) }
            }
        }
        return RowResult(innovation: innovation, problems: rowProblems, code: validCode,
                         agencyCode: agencyCode.isEmpty ? nil : agencyCode)
    }

    /// Exports put an apostrophe before cells that start like a formula; reading takes it off.
    static func unneutralised(_ text: String) -> String {
        guard text.hasPrefix("'"), let next = text.dropFirst().first, "=+-@".contains(next) else { return text }
        return String(text.dropFirst())
    }

    static func column(for field: ProfileField) -> String {
        ImportTemplate.columns.first { $0.field == field }?.header ?? field.rawValue
    }

    static func key(_ text: String) -> String {
        text.trimmingWhitespace().lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "_" }).joined(separator: " ")
    }

    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "\n" }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    private static func choice(_ text: String, _ table: [String: String], column: String,
                               problem: (String, LocalizedMessage) -> Void) -> String? {
        if text.isEmpty { problem(column, LocalizedMessage("error.required")); return nil }
        guard let code = table[key(text)] else { problem(column, LocalizedMessage("error.unknownChoice", text)); return nil }
        return code
    }

    private static func affairCode(_ text: String, column: String, problem: (String, LocalizedMessage) -> Void) -> String? {
        if text.isEmpty { return nil }
        if let code = affairCodes[key(text)] { return code }
        problem(column, LocalizedMessage("error.unknownChoice", text))
        return nil
    }

    /// Urusan by code or by name, both as keys.
    static let affairCodes: [String: String] = {
        var codes: [String: String] = [:]
        for affair in GovernmentAffair.all {
            codes[key(affair.name)] = affair.code
            codes[affair.code] = affair.code
        }
        return codes
    }()

    static func table<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ labels: [E: [String]]) -> [String: String] where E.RawValue == String {
        var result: [String: String] = [:]
        for value in type.allCases {
            result[key(value.rawValue)] = value.rawValue
            for label in labels[value] ?? [] { result[key(label)] = value.rawValue }
        }
        return result
    }

    static let categories = table(InnovationCategory.self, [
        .publicService: ["pelayanan publik", "inovasi pelayanan publik", "public service"],
        .governance: ["tata kelola pemerintahan daerah", "tata kelola pemerintahan", "tata kelola", "governance"],
        .other: ["lainnya", "bentuk lainnya", "bentuk lainnya sesuai urusan", "other"],
    ])
    static let modes = table(DeliveryMode.self, [.digital: ["daring"], .nonDigital: ["non-digital", "non digital", "nondigital", "luring"]])
    static let stages = table(Stage.self, [.initiative: ["inisiatif"], .trial: ["uji coba", "ujicoba", "uji-coba"], .implementation: ["penerapan"]])
    static let initiators = table(Initiator.self, [
        .regionalHead: ["kepala daerah"], .councilMember: ["anggota dprd", "dprd"],
        .agency: ["perangkat daerah", "opd"], .civilServant: ["asn", "aparatur sipil negara"], .citizen: ["masyarakat", "anggota masyarakat"],
    ])
    static let statuses: [String: ReviewStatus] = {
        var result: [String: ReviewStatus] = [:]
        let labels: [ReviewStatus: [String]] = [
            .draft: ["draf", "draft"], .submitted: ["diajukan", "submitted"],
            .revisionRequested: ["perlu perbaikan", "revisionrequested", "revision requested"],
            .verified: ["terverifikasi", "verified", "diverifikasi"], .archived: ["diarsipkan", "archived", "arsip"],
        ]
        for (status, words) in labels { for word in words { result[word] = status } }
        return result
    }()
}

extension String {
    /// "Kode Perangkat Daerah" and "kode perangkat daerah" read as the header kode_perangkat_daerah.
    func replacingSpaces() -> String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: "_")
    }
}
