/// The two shipped forms of the Indeks Inovasi Daerah, as editable data (domain notes §4.2–4.3).
/// The weights of single indicators are not published in the sources: they are chosen so that
/// the published maxima and shares hold, and every set says so in its `source`.
public enum IndicatorSets {
    public static var all: [IndicatorSet] { [iid2023, iid2026] }

    /// SID indicators 16–35 by the names the implementations agree on (§4.3). Seventeen weigh
    /// 2 and three weigh 1, so that three levels give 111 points per innovation.
    static func innovationIndicators(mandatory: Set<String>) -> [IndexIndicator] {
        let rows: [(String, String, Double, String)] = [
            ("regulasi", "Regulasi inovasi daerah", 2, "SK/Perkada/Perda yang menyebut inovasi"),
            ("sdm", "Ketersediaan dan peran SDM", 2, "SK tim pelaksana"),
            ("anggaran", "Dukungan anggaran", 2, "DPA/RKA"),
            ("alat-kerja", "Alat kerja (penggunaan TI)", 2, "Foto, tangkapan layar sistem"),
            ("bimtek", "Bimtek inovasi", 2, "Laporan, daftar hadir"),
            ("rkpd", "Integrasi program dalam RKPD", 2, "Kutipan RKPD"),
            ("aktor", "Keterlibatan aktor (pentahelix)", 2, "PKS/MoU"),
            ("pelaksana", "Pelaksana inovasi", 2, "SK penetapan"),
            ("jejaring", "Jejaring inovasi", 2, "SKB, SOP lintas perangkat daerah"),
            ("sosialisasi", "Sosialisasi", 1, "Foto, media sosial, pemberitaan"),
            ("pedoman", "Pedoman teknis", 1, "Manual/SOP"),
            ("informasi", "Kemudahan informasi layanan", 1, "Tangkapan layar kanal informasi"),
            ("kecepatan-layanan", "Kemudahan proses (kecepatan layanan)", 2, "SOP/SLA"),
            ("pengaduan", "Penyelesaian layanan pengaduan", 2, "Rekap pengaduan (SP4N-LAPOR)"),
            ("terintegrasi", "Layanan terintegrasi", 2, "Bukti arsitektur atau integrasi"),
            ("replikasi", "Replikasi", 2, "Surat kaji tiru, perjanjian replikasi"),
            ("kecepatan-penciptaan", "Kecepatan penciptaan inovasi", 2, "Laporan tahapan"),
            ("kemanfaatan", "Kemanfaatan inovasi", 2, "Data penerima manfaat, efisiensi"),
            ("monev", "Monitoring dan evaluasi", 2, "Laporan monev/SKM"),
            ("video", "Kualitas inovasi: video", 2, "Tautan YouTube"),
        ]
        return rows.enumerated().map { index, row in
            IndexIndicator(key: row.0, number: 16 + index, name: row.1, weight: row.2, evidence: row.3, isMandatory: mandatory.contains(row.0))
        }
    }

    /// SPD indicators 1–15: six weigh 2 and nine weigh 1, so that three levels give 63 points.
    /// Their names were not found in the sources; the Biro enters them from the Pedoman.
    static var regionIndicators: [IndexIndicator] {
        (1...15).map { number in
            IndexIndicator(key: "spd-\(number)", number: number, name: "Indikator SPD \(number)", weight: number <= 6 ? 2 : 1,
                           evidence: "Sesuai Pedoman tahun berjalan")
        }
    }

    public static var iid2023: IndicatorSet {
        IndicatorSet(
            year: 2023, name: "Indeks Inovasi Daerah 2023",
            regionIndicators: regionIndicators, innovationIndicators: innovationIndicators(mandatory: []),
            divisorFloor: 10, countRule: InnovationCountRule(pointsPerInnovation: 0.38, cap: 200),
            regionMaximum: 63, innovationMaximum: 111, maximumTotal: 250,
            classes: [IndexClass(key: "sangat-inovatif", name: "Sangat Inovatif", above: 60),
                      IndexClass(key: "inovatif", name: "Inovatif", above: 35, inclusive: true),
                      IndexClass(key: "kurang-inovatif", name: "Kurang Inovatif", above: 0)],
            source: "Paparan BSKDN \"Sosialisasi IID 2023\": SPD 25,2 % (indikator 1–15), SID 74,8 % (indikator 16–35 per inovasi "
                + "dibagi MAX(10, n), ditambah skor jumlah inovasi), predikat Sangat Inovatif > 60,00, Inovatif 35,00–60,00. "
                + "Bobot per indikator dan skor jumlah inovasi 2023 tidak diumumkan: diambil sama dengan maksimum bentuk 2026 "
                + "(63 + 111 + 76 = 250), yang memberi bagian 25,2 % dan 74,8 % yang sama. TIDAK PASTI; ubah dari Pedoman.")
    }

    public static var iid2026: IndicatorSet {
        IndicatorSet(
            year: 2026, name: "Indeks Inovasi Daerah 2026",
            regionIndicators: regionIndicators,
            innovationIndicators: innovationIndicators(mandatory: ["regulasi", "sdm", "kecepatan-penciptaan", "kemanfaatan", "video"]),
            divisorFloor: 12, countRule: InnovationCountRule(pointsPerInnovation: 0.38, cap: 200, requiredBasicServices: 5),
            regionMaximum: 63, innovationMaximum: 111, maximumTotal: 250,
            classes: [IndexClass(key: "sangat-inovatif", name: "Sangat Inovatif", above: 65),
                      IndexClass(key: "inovatif", name: "Inovatif", above: 40),
                      IndexClass(key: "kurang-inovatif", name: "Kurang Inovatif", above: 0)],
            source: "Bentuk 2026 menurut dokumen pihak ketiga yang mengutip Pedoman Umum IGA 2026 (TIDAK PASTI): SPD maks. 63, "
                + "SID per inovasi maks. 111 dibagi MAX(12, n), skor jumlah 0,38 × min(n, 200) hanya bila inovasi mencakup "
                + "sekurang-kurangnya 5 dari 6 urusan wajib pelayanan dasar, total 250; predikat Sangat Inovatif 65,01–100, "
                + "Inovatif 40,01–65, Kurang Inovatif 0,01–40. Lima indikator SID wajib (regulasi, SDM, kecepatan penciptaan, "
                + "kemanfaatan, video); sepuluh indikator SPD wajib, yang mana tidak ditemukan. Bobot per indikator dipilih agar "
                + "maksimum itu terpenuhi. Inovasi berusia lebih dari dua tahun dinilai hanya bila pengembangannya tercatat.",
            developmentAfterYears: 2)
    }
}
