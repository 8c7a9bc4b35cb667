/// The spreadsheet layout Lumbung imports and exports: Indonesian column headers, one
/// innovation a row, identified by its `kode`.
public enum ImportTemplate {
    public struct Column: Sendable {
        public let header: String
        /// The profile field it fills, when there is one (for naming problems).
        public let field: ProfileField?
        public let required: Bool
        public let explanation: String
        public let allowedValues: String
    }

    public static let columns: [Column] = [
        .init(header: "kode", field: nil, required: true,
              explanation: "Kode unik inovasi. Baris dengan kode yang sudah ada memperbarui inovasi itu; kode baru menambah inovasi.",
              allowedValues: "Huruf, angka, tanda hubung; paling banyak 40 karakter, misalnya KALTARA-2019-001"),
        .init(header: "nama", field: .name, required: true, explanation: "Nama inovasi; unik di dalam satu perangkat daerah.",
              allowedValues: "Teks, paling banyak 200 karakter"),
        .init(header: "singkatan", field: .acronym, required: false, explanation: "Singkatan atau akronim.", allowedValues: "Teks, paling banyak 40 karakter"),
        .init(header: "kode_perangkat_daerah", field: .agency, required: true,
              explanation: "Kode perangkat daerah pemilik inovasi, seperti di halaman Perangkat Daerah.", allowedValues: "Kode yang terdaftar, misalnya DISDUKCAPIL"),
        .init(header: "bentuk", field: .category, required: true, explanation: "Bentuk inovasi (PP 38/2017).",
              allowedValues: "pelayanan publik; tata kelola pemerintahan daerah; lainnya"),
        .init(header: "jenis", field: .deliveryMode, required: true, explanation: "Jenis inovasi.", allowedValues: "digital; non-digital"),
        .init(header: "tahapan", field: .stage, required: true, explanation: "Tahapan inovasi.", allowedValues: "inisiatif; uji coba; penerapan"),
        .init(header: "inisiator", field: .initiator, required: true, explanation: "Pengusul inovasi.",
              allowedValues: "kepala daerah; anggota DPRD; perangkat daerah; ASN; masyarakat"),
        .init(header: "urusan_utama", field: .mainAffair, required: false, explanation: "Urusan pemerintahan utama.",
              allowedValues: "Kode atau nama urusan, misalnya adminduk atau Kesehatan"),
        .init(header: "urusan_lain", field: .otherAffairs, required: false, explanation: "Urusan lain yang beririsan.",
              allowedValues: "Kode atau nama urusan, dipisah titik koma (;)"),
        .init(header: "tanggal_uji_coba", field: .trialStart, required: false, explanation: "Tanggal mulai uji coba.",
              allowedValues: "2020-03-01, 01/03/2020 atau 1 Maret 2020"),
        .init(header: "tanggal_penerapan", field: .implementationStart, required: false,
              explanation: "Tanggal mulai penerapan; tidak boleh sebelum uji coba.", allowedValues: "2020-03-01, 01/03/2020 atau 1 Maret 2020"),
        .init(header: "rancang_bangun", field: .design, required: false,
              explanation: "Rancang bangun: dasar hukum, permasalahan, isu strategis, metode, keunggulan, tahapan (minimal 300 kata untuk diajukan).",
              allowedValues: "Teks, paling banyak 20.000 karakter"),
        .init(header: "tujuan", field: .goals, required: false, explanation: "Tujuan inovasi.", allowedValues: "Teks, paling banyak 4.000 karakter"),
        .init(header: "manfaat", field: .benefits, required: false, explanation: "Manfaat inovasi.", allowedValues: "Teks, paling banyak 4.000 karakter"),
        .init(header: "hasil", field: .results, required: false, explanation: "Hasil inovasi.", allowedValues: "Teks, paling banyak 4.000 karakter"),
        .init(header: "penerima_manfaat", field: .beneficiaries, required: false, explanation: "Siapa yang menerima manfaat.", allowedValues: "Teks, paling banyak 500 karakter"),
        .init(header: "tema", field: .themes, required: false, explanation: "Tema bebas.", allowedValues: "Dipisah titik koma (;), paling banyak 10"),
        .init(header: "sdgs", field: .sdgs, required: false, explanation: "Tujuan Pembangunan Berkelanjutan.", allowedValues: "Nomor 1 sampai 17, dipisah titik koma (;)"),
        .init(header: "tautan_video", field: .videoURL, required: false, explanation: "Tautan video.", allowedValues: "Alamat yang diawali http:// atau https://"),
        .init(header: "lintang", field: .latitude, required: false, explanation: "Lintang lokasi.", allowedValues: "Angka -90 sampai 90, misalnya 2,84 atau 2.84"),
        .init(header: "bujur", field: .longitude, required: false, explanation: "Bujur lokasi.", allowedValues: "Angka -180 sampai 180, misalnya 117,36"),
        .init(header: "replikasi_dari", field: .replicatedFrom, required: false,
              explanation: "Nama inovasi daerah lain yang direplikasi, bila ada.", allowedValues: "Teks, paling banyak 200 karakter"),
        .init(header: "status", field: nil, required: false, explanation: "Status verifikasi; kosong berarti draf.",
              allowedValues: "draf; diajukan; perlu perbaikan; terverifikasi; diarsipkan"),
        .init(header: "publikasi", field: nil, required: false, explanation: "Tampil di katalog publik (hanya untuk yang terverifikasi).",
              allowedValues: "ya; tidak"),
    ]

    public static var headers: [String] { columns.map(\.header) }

    /// How each code is written in a spreadsheet (the first label the importer accepts).
    public static func label(_ value: InnovationCategory) -> String {
        switch value { case .publicService: "pelayanan publik"; case .governance: "tata kelola pemerintahan daerah"; case .other: "lainnya" }
    }
    public static func label(_ value: DeliveryMode) -> String { value == .digital ? "digital" : "non-digital" }
    public static func label(_ value: Stage) -> String {
        switch value { case .initiative: "inisiatif"; case .trial: "uji coba"; case .implementation: "penerapan" }
    }
    public static func label(_ value: Initiator) -> String {
        switch value {
        case .regionalHead: "kepala daerah"; case .councilMember: "anggota DPRD"; case .agency: "perangkat daerah"
        case .civilServant: "ASN"; case .citizen: "masyarakat"
        }
    }
    public static func label(_ value: ReviewStatus) -> String {
        switch value {
        case .draft: "draf"; case .submitted: "diajukan"; case .revisionRequested: "perlu perbaikan"
        case .verified: "terverifikasi"; case .archived: "diarsipkan"
        }
    }

    /// One innovation as a template row, in column order.
    public static func row(code: String, agencyCode: String, profile p: InnovationProfile, status: ReviewStatus, isPublic: Bool) -> [String] {
        let number: (Double?) -> String = { $0.map { String($0) } ?? "" }
        return [code, p.name, p.acronym, agencyCode, label(p.category), label(p.deliveryMode), label(p.stage), label(p.initiator),
                p.mainAffair ?? "", p.otherAffairs.joined(separator: "; "), p.trialStart ?? "", p.implementationStart ?? "",
                p.design, p.goals, p.benefits, p.results, p.beneficiaries, p.themes.joined(separator: "; "),
                p.sdgs.map(String.init).joined(separator: "; "), p.videoURL, number(p.latitude), number(p.longitude),
                p.replicatedFromName, label(status), isPublic ? "ya" : "tidak"]
    }
}
