import Foundation

/// A known edition, shipped so that the Biro starts from something real and edits or copies it.
public struct SeedEdition: Sendable {
    public let name: String
    public let year: Int
    public let organiser: Organiser
    /// Registration, as day and time in WITA.
    public let opens: (day: CalendarDate, hour: Int, minute: Int)
    public let closes: (day: CalendarDate, hour: Int, minute: Int)
    public let definition: EditionDefinition
}

/// The three editions every new database starts with. Their rules come from the sources in
/// each `source` text; where a source was uncertain, the text says so, and every part is
/// editable.
public enum EditionSeeds {
    public static var all: [SeedEdition] { [kipp2020, kipp2023, lombaKaltara2025] }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }

    // MARK: - Shared parts

    /// The five KIPP criteria of 2021–2023 (PermenPANRB 91/2021 uses the same). National
    /// weights were not published: equal weights, to be set by the Biro.
    static let kippCriteria: [Criterion] = [
        Criterion(key: "kebaruan", name: "Kebaruan", weight: 20, scaleMin: 1, scaleMax: 10,
                  guidance: "Pendekatan, kebijakan atau rancangan baru bagi instansi."),
        Criterion(key: "efektif", name: "Efektif", weight: 20, scaleMin: 1, scaleMax: 10, guidance: "Menghasilkan keluaran nyata."),
        Criterion(key: "bermanfaat", name: "Bermanfaat", weight: 20, scaleMin: 1, scaleMax: 10,
                  guidance: "Meningkatkan kualitas layanan bagi masyarakat."),
        Criterion(key: "dapat-direplikasi", name: "Dapat ditransfer/direplikasi", weight: 20, scaleMin: 1, scaleMax: 10,
                  guidance: "Mudah ditiru dan dikembangkan instansi lain."),
        Criterion(key: "berkelanjutan", name: "Berkelanjutan", weight: 20, scaleMin: 1, scaleMax: 10,
                  guidance: "Didukung program, anggaran, mandat organisasi dan regulasi."),
    ]

    static let kippStages: [SelectionStage] = [
        SelectionStage(key: "administrasi", name: "Seleksi administrasi"),
        SelectionStage(key: "tim-evaluasi", name: "Penilaian proposal oleh Tim Evaluasi", isScored: true),
        SelectionStage(key: "tpi", name: "Sidang Tim Panel Independen", isScored: true),
        SelectionStage(key: "presentasi", name: "Presentasi dan wawancara", isScored: true),
        SelectionStage(key: "penetapan", name: "Penetapan pemenang"),
    ]

    /// 2021's ten categories; the 2020 list was not captured.
    static let kategori2021: [CompetitionCategory] = [
        "Pengentasan kemiskinan", "Pendidikan", "Kesehatan", "Ketahanan pangan",
        "Pertumbuhan ekonomi dan kesempatan kerja", "Pemberdayaan masyarakat", "Pelayanan publik responsif gender",
        "Perlindungan dan pelestarian lingkungan hidup", "Tata kelola pemerintahan", "Penegakan hukum",
    ].map { CompetitionCategory(key: EditionDefinition.key(from: $0), name: $0) }

    // MARK: - KIPP 2020 (older form)

    public static var kipp2020: SeedEdition {
        let umumRules: [EligibilityRule] = [.notTopTierWinnerBefore, .notFinalistTwice]
        let definition = EditionDefinition(
            groups: [
                EntryGroup(key: "umum", name: "Kelompok umum", minimumAgeYears: 1, rules: umumRules, quota: 10),
                EntryGroup(key: "replikasi", name: "Kelompok replikasi", minimumAgeYears: 1,
                           rules: [.replicatesNamedInnovation] + umumRules,
                           extraSections: [
                               ProposalSection(key: "inspirasi", title: "Inspirasi", maxWords: 100,
                                               guidance: "Inovasi Top 99 mana yang direplikasi, dan pernyataan replikasinya."),
                               ProposalSection(key: "proses-replikasi", title: "Proses replikasi", maxWords: 200),
                               ProposalSection(key: "faktor-pembeda", title: "Faktor pembeda", maxWords: 100),
                           ],
                           extraDocuments: ["pernyataan-replikasi"], quota: 5),
                EntryGroup(key: "khusus", name: "Kelompok khusus", minimumAgeYears: 1, rules: [.wasTopTierWinner],
                           extraSections: [
                               ProposalSection(key: "pembaruan", title: "Pembaruan/peningkatan sejak menang", maxWords: 200),
                               ProposalSection(key: "adaptabilitas-khusus", title: "Adaptabilitas", maxWords: 200),
                               ProposalSection(key: "penguatan-keberlanjutan", title: "Penguatan keberlanjutan", maxWords: 300),
                               ProposalSection(key: "evaluasi", title: "Evaluasi", maxWords: 300),
                           ]),
            ],
            categories: kategori2021,
            baseSections: [
                ProposalSection(key: "ringkasan", title: "Ringkasan", maxWords: 200, guidance: "Ringkasan yang menjawab semua aspek."),
                ProposalSection(key: "ide-inovatif", title: "Ide inovatif", maxWords: 600, prefill: .design),
                ProposalSection(key: "signifikansi", title: "Signifikansi", maxWords: 600, prefill: .results),
                ProposalSection(key: "kontribusi-tpb", title: "Kontribusi terhadap capaian TPB", maxWords: 200),
                ProposalSection(key: "adaptabilitas", title: "Adaptabilitas", maxWords: 400),
                ProposalSection(key: "keberlanjutan", title: "Keberlanjutan", maxWords: 600),
                ProposalSection(key: "kolaborasi", title: "Kolaborasi pemangku kepentingan", maxWords: 200),
            ],
            documents: [
                RequiredDocument(key: "sk-inovator", name: "SK penetapan inovator (perorangan/tim)"),
                RequiredDocument(key: "pernyataan-implementasi", name: "Surat pernyataan implementasi"),
                RequiredDocument(key: "pernyataan-replikasi", name: "Surat pernyataan replikasi", forAllGroups: false),
            ],
            requiresVideo: true, requiresSDGs: true, quotaScope: .wholeRegistry,
            criteria: kippCriteria, stages: kippStages,
            awardTiers: [
                AwardTier(key: "top-99", name: "Top 99", isFinalist: true),
                AwardTier(key: "top-15-khusus", name: "Top 15 kelompok khusus", isFinalist: true),
                AwardTier(key: "top-45", name: "Top 45", isTopTier: true),
                AwardTier(key: "outstanding", name: "Top 5 Outstanding Achievement", isTopTier: true),
            ],
            source: """
            Bentuk KIPP 2020–2021 (kelompok umum, replikasi, khusus), dari pemberitaan KIPP 2020 \
            (online24jam.com, 20 Maret 2020: pendaftaran 4 Maret–26 April 2020) dan KIPP 2021 \
            (menpan.go.id, "Cermati persyaratan dan kriteria inovasi KIPP 2021"). Bagian proposal \
            dan batas katanya dari formulir lama tiruan provinsi NTT (bidangegovntt/template_dev_docker): \
            TIDAK PASTI, periksa dengan juklak resmi. Kategori 2020 tidak tercatat; yang dipakai adalah \
            sepuluh kategori 2021. Usia minimal sebelum 2021: 1 tahun. Kuota per instansi: 10 umum dan \
            5 replikasi (2021). Bobot kriteria nasional tidak diumumkan: dibuat sama rata. Semua dapat diubah.
            """)
        return SeedEdition(name: "KIPP 2020", year: 2020, organiser: .nationalKIPP,
                           opens: (day(2020, 3, 4), 8, 0), closes: (day(2020, 4, 26), 23, 59), definition: definition)
    }

    // MARK: - KIPP 2023 (the nine sections)

    public static var kipp2023: SeedEdition {
        let definition = EditionDefinition(
            groups: [
                EntryGroup(key: "umum", name: "Kelompok umum", minimumAgeYears: 1, rules: [.notTopTierWinnerBefore, .notFinalistTwice], quota: 10),
                EntryGroup(key: "khusus", name: "Kelompok khusus", minimumAgeYears: 1, rules: [.wasTopTierWinner]),
            ],
            categories: [
                CompetitionCategory(key: "inklusif-berkeadilan", name: "Pelayanan publik yang inklusif dan berkeadilan"),
                CompetitionCategory(key: "efektivitas-tpb", name: "Efektivitas institusi publik untuk pencapaian TPB/SDGs"),
            ],
            baseSections: [
                ProposalSection(key: "ringkasan", title: "Ringkasan", maxWords: 200, guidance: "Ringkasan yang menjawab setiap pertanyaan."),
                ProposalSection(key: "latar-belakang", title: "Latar belakang dan tujuan", maxWords: 300,
                                guidance: "Masalah dan kondisi awal; kelompok sasaran; tujuan dengan target terukur; data pendukung.", prefill: .goals),
                ProposalSection(key: "kebaruan", title: "Kebaruan / nilai tambah", maxWords: 200,
                                guidance: "Gagasan dan keunikannya.", prefill: .design),
                ProposalSection(key: "implementasi", title: "Implementasi inovasi", maxWords: 200,
                                guidance: "Bagaimana masalah diselesaikan, dengan data."),
                ProposalSection(key: "signifikansi", title: "Signifikansi", maxWords: 600,
                                guidance: "Dampak sebelum dan sesudah; cara dampak diukur; laporan evaluasi internal atau eksternal dilampirkan.", prefill: .results),
                ProposalSection(key: "adaptabilitas-a", title: "Adaptabilitas (a): replikasi yang sudah terjadi", maxWords: 100,
                                guidance: "Sudah direplikasi? Bila ya, oleh UPP atau instansi mana."),
                ProposalSection(key: "adaptabilitas-b", title: "Adaptabilitas (b): potensi replikasi", maxWords: 200,
                                guidance: "Jumlah penduduk terjangkau, masalah serupa di tempat lain."),
                ProposalSection(key: "sumber-daya", title: "Sumber daya", maxWords: 200, guidance: "Dana, manusia, metode, peralatan/bahan."),
                ProposalSection(key: "keberlanjutan", title: "Strategi keberlanjutan", maxWords: 500,
                                guidance: "Kelembagaan (regulasi), manajerial (kapasitas, SOP, penjaminan mutu), sosial (peran pemangku kepentingan)."),
            ],
            documents: [
                RequiredDocument(key: "pernyataan-implementasi", name: "Surat pernyataan implementasi"),
                RequiredDocument(key: "pernyataan-identitas", name: "Surat pernyataan identitas perorangan/tim"),
                RequiredDocument(key: "pernyataan-kesediaan-replikasi", name: "Surat pernyataan kesediaan replikasi"),
                RequiredDocument(key: "sk-pejabat", name: "SK pejabat (perorangan/tim)"),
                RequiredDocument(key: "bukti-inisiasi", name: "Bukti inisiasi"),
            ],
            requiresVideo: true, requiresSDGs: true, quotaScope: .wholeRegistry,
            criteria: kippCriteria, stages: kippStages,
            awardTiers: [
                AwardTier(key: "top-99", name: "Top 99", isFinalist: true),
                AwardTier(key: "top-15-khusus", name: "Top 15 kelompok khusus", isFinalist: true),
                AwardTier(key: "top-45", name: "Top 45", isTopTier: true),
            ],
            source: """
            Bentuk KIPP 2023 (Pedoman Menteri PANRB 3/2023): kelompok umum dan khusus, finalis Top 99 \
            dan Top 15, pemenang Top 45 (menpan.go.id 2023). Sembilan bagian dan batas katanya dari \
            tiruan provinsi NTT yang menyatakan mengikuti Pedoman 2023 (bidangegovntt/template_dev_docker): \
            TIDAK PASTI. Batas pendaftaran 6 Mei 2023 pukul 23.59 WIB (= 7 Mei 00.59 WITA; jpnn.com). Usia \
            minimal 2023 tidak pasti (tiruan NTT: 1 tahun). Bobot kriteria nasional tidak diumumkan: dibuat \
            sama rata. Semua dapat diubah.
            """)
        return SeedEdition(name: "KIPP 2023", year: 2023, organiser: .nationalKIPP,
                           opens: (day(2023, 2, 1), 8, 0), closes: (day(2023, 5, 7), 0, 59), definition: definition)
    }

    // MARK: - Lomba Inovasi Daerah Kalimantan Utara

    /// The provincial contest run by Bappeda dan Litbang Kaltara (2023 categories; 2025 had 87
    /// entrants and 35 finalists, Top 7 in each of five categories).
    public static var lombaKaltara2025: SeedEdition {
        let definition = EditionDefinition(
            groups: [
                EntryGroup(key: "perangkat-daerah", name: "Perangkat daerah dan unitnya", minimumAgeYears: 0,
                           allowedStages: [], quota: 3),
            ],
            categories: [
                "Ide/inisiatif inovasi", "Inovasi perangkat daerah provinsi", "Inovasi tata kelola pemerintahan",
                "Inovasi pelayanan publik", "Inovasi UMKM",
            ].map { CompetitionCategory(key: EditionDefinition.key(from: $0), name: $0) },
            baseSections: [
                ProposalSection(key: "rancang-bangun", title: "Rancang bangun dan pokok perubahan", maxWords: 1000, minWords: 300,
                                guidance: "Dasar hukum, permasalahan, isu strategis, metode pembaruan, keunggulan dan kebaruan, tahapan.",
                                prefill: .design),
                ProposalSection(key: "tujuan", title: "Tujuan inovasi", maxWords: 300, prefill: .goals),
                ProposalSection(key: "manfaat", title: "Manfaat yang diperoleh", maxWords: 300, prefill: .benefits),
                ProposalSection(key: "hasil", title: "Hasil inovasi", maxWords: 400, prefill: .results),
                ProposalSection(key: "anggaran", title: "Kebutuhan anggaran", maxWords: 200),
            ],
            documents: [
                RequiredDocument(key: "sk-kepala-pd", name: "SK kepala perangkat daerah tentang inovasi"),
            ],
            requiresVideo: false, requiresSDGs: false, quotaScope: .perAgency,
            criteria: [
                Criterion(key: "kebaruan", name: "Kebaruan", weight: 25, scaleMin: 1, scaleMax: 10),
                Criterion(key: "kemanfaatan", name: "Kemanfaatan", weight: 30, scaleMin: 1, scaleMax: 10),
                Criterion(key: "kelayakan", name: "Kelayakan dan keberlanjutan", weight: 25, scaleMin: 1, scaleMax: 10),
                Criterion(key: "replikasi", name: "Dapat direplikasi", weight: 20, scaleMin: 1, scaleMax: 10),
            ],
            stages: [
                SelectionStage(key: "administrasi", name: "Verifikasi administrasi"),
                SelectionStage(key: "penilaian-juri", name: "Penilaian proposal oleh dewan juri", isScored: true),
                SelectionStage(key: "presentasi", name: "Presentasi finalis", isScored: true),
                SelectionStage(key: "penetapan", name: "Penetapan pemenang"),
            ],
            awardTiers: [
                AwardTier(key: "finalis", name: "Finalis (Top 7 kategori)", isFinalist: true),
                AwardTier(key: "juara-1", name: "Juara 1", isTopTier: true),
                AwardTier(key: "juara-2", name: "Juara 2", isTopTier: true),
                AwardTier(key: "juara-3", name: "Juara 3", isTopTier: true),
            ],
            source: """
            Lomba Inovasi Daerah / Kaltara Innovation Awards, Bappeda dan Litbang Kalimantan Utara: lima \
            kategori 2023 (benuanta.co.id, 27 September 2023); 2025 diikuti 87 inovasi dengan 35 finalis, \
            Top 7 per kategori (wartabenuanta.id). Isi proposal mengikuti PP 38/2017 (rancang bangun minimal \
            300 kata, tujuan, manfaat, hasil, anggaran); format BRIN yang dipakai lomba tidak tersedia, \
            jadi batas kata, kuota (3 per perangkat daerah), tanggal dan bobot di sini adalah usulan Lumbung: \
            ubah sesuai petunjuk teknis lomba.
            """)
        return SeedEdition(name: "Lomba Inovasi Daerah Kalimantan Utara 2025", year: 2025, organiser: .provincialContest,
                           opens: (day(2025, 6, 2), 8, 0), closes: (day(2025, 8, 29), 16, 0), definition: definition)
    }
}

/// Instants of registration, entered and shown in WITA (UTC+8), the province's time.
public enum WITATime {
    public static func instant(_ day: CalendarDate, hour: Int, minute: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDate.witaTimeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))!
    }

    public static func parts(_ instant: Date) -> (day: CalendarDate, hour: Int, minute: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDate.witaTimeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return (CalendarDate(year: c.year!, month: c.month!, day: c.day!)!, c.hour!, c.minute!)
    }
}
