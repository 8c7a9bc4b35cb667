/// Urusan pemerintahan (UU 23/2014): the affairs a regional government is responsible for.
/// The six `basicService` ones are the urusan wajib pelayanan dasar that the innovation index
/// asks a region to cover.
public struct GovernmentAffair: Sendable, Equatable {
    public enum Group: String, CaseIterable, Sendable {
        /// urusan wajib pelayanan dasar
        case basicService
        /// urusan wajib non-pelayanan dasar
        case nonBasicService
        /// urusan pilihan
        case optional
        /// fungsi penunjang urusan
        case supporting
    }

    public let code: String
    public let name: String
    public let group: Group

    public var isBasicService: Bool { group == .basicService }

    public init(code: String, name: String, group: Group) {
        self.code = code
        self.name = name
        self.group = group
    }
}

extension GovernmentAffair {
    /// The seed list, in the order of UU 23/2014 Pasal 12 and the IID forms.
    public static let all: [GovernmentAffair] = [
        .init(code: "pendidikan", name: "Pendidikan", group: .basicService),
        .init(code: "kesehatan", name: "Kesehatan", group: .basicService),
        .init(code: "pupr", name: "Pekerjaan Umum dan Penataan Ruang", group: .basicService),
        .init(code: "perkim", name: "Perumahan Rakyat dan Kawasan Permukiman", group: .basicService),
        .init(code: "trantibumlinmas", name: "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat", group: .basicService),
        .init(code: "sosial", name: "Sosial", group: .basicService),
        .init(code: "tenaga-kerja", name: "Tenaga Kerja", group: .nonBasicService),
        .init(code: "pppa", name: "Pemberdayaan Perempuan dan Pelindungan Anak", group: .nonBasicService),
        .init(code: "pangan", name: "Pangan", group: .nonBasicService),
        .init(code: "pertanahan", name: "Pertanahan", group: .nonBasicService),
        .init(code: "lingkungan-hidup", name: "Lingkungan Hidup", group: .nonBasicService),
        .init(code: "adminduk", name: "Administrasi Kependudukan dan Pencatatan Sipil", group: .nonBasicService),
        .init(code: "pmd", name: "Pemberdayaan Masyarakat dan Desa", group: .nonBasicService),
        .init(code: "pengendalian-penduduk-kb", name: "Pengendalian Penduduk dan Keluarga Berencana", group: .nonBasicService),
        .init(code: "perhubungan", name: "Perhubungan", group: .nonBasicService),
        .init(code: "kominfo", name: "Komunikasi dan Informatika", group: .nonBasicService),
        .init(code: "koperasi-ukm", name: "Koperasi, Usaha Kecil, dan Menengah", group: .nonBasicService),
        .init(code: "penanaman-modal", name: "Penanaman Modal", group: .nonBasicService),
        .init(code: "kepemudaan-olahraga", name: "Kepemudaan dan Olahraga", group: .nonBasicService),
        .init(code: "statistik", name: "Statistik", group: .nonBasicService),
        .init(code: "persandian", name: "Persandian", group: .nonBasicService),
        .init(code: "kebudayaan", name: "Kebudayaan", group: .nonBasicService),
        .init(code: "perpustakaan", name: "Perpustakaan", group: .nonBasicService),
        .init(code: "kearsipan", name: "Kearsipan", group: .nonBasicService),
        .init(code: "kelautan-perikanan", name: "Kelautan dan Perikanan", group: .optional),
        .init(code: "pariwisata", name: "Pariwisata", group: .optional),
        .init(code: "pertanian", name: "Pertanian", group: .optional),
        .init(code: "kehutanan", name: "Kehutanan", group: .optional),
        .init(code: "esdm", name: "Energi dan Sumber Daya Mineral", group: .optional),
        .init(code: "perdagangan", name: "Perdagangan", group: .optional),
        .init(code: "perindustrian", name: "Perindustrian", group: .optional),
        .init(code: "transmigrasi", name: "Transmigrasi", group: .optional),
        .init(code: "perencanaan", name: "Perencanaan", group: .supporting),
        .init(code: "keuangan", name: "Keuangan", group: .supporting),
        .init(code: "kepegawaian", name: "Kepegawaian serta Pendidikan dan Pelatihan", group: .supporting),
        .init(code: "litbang", name: "Penelitian dan Pengembangan", group: .supporting),
        .init(code: "pengawasan", name: "Pengawasan", group: .supporting),
        .init(code: "kesekretariatan", name: "Kesekretariatan dan Tata Pemerintahan", group: .supporting),
    ]

    public static func named(_ code: String) -> GovernmentAffair? {
        all.first { $0.code == code }
    }
}
