// Texts of the Indeks Inovasi Daerah rules: indicator sets, answers, what-if.

extension StringCatalogue {
    static let indexTexts: [String: Pair] = [
        "index.set.regionSum": Pair("Indikator SPD berjumlah maksimum {0}, padahal maksimum SPD {1}.",
                                    "The SPD indicators add up to {0}, but the SPD maximum is {1}."),
        "index.set.innovationSum": Pair("Indikator SID per inovasi berjumlah maksimum {0}, padahal maksimum SID per inovasi {1}.",
                                        "The per-innovation SID indicators add up to {0}, but their maximum is {1}."),
        "index.set.totalSum": Pair("SPD {0} + SID {1} + skor jumlah inovasi {2} = {3}, bukan total maksimum {4}.",
                                   "SPD {0} + SID {1} + innovation count {2} = {3}, not the maximum total {4}."),
        "index.set.divisor": Pair("Pembagi minimum harus sekurang-kurangnya 1, bukan {0}.", "The divisor floor must be at least 1, not {0}."),
        "index.set.basicServices": Pair("Syarat urusan wajib pelayanan dasar harus 0–6, bukan {0}.",
                                        "The basic-service condition must be 0–6, not {0}."),
        "index.set.duplicate": Pair("Kunci indikator {0} dipakai lebih dari sekali.", "The indicator key {0} is used more than once."),
        "index.set.badIndicator": Pair("Indikator {0} harus memiliki sekurang-kurangnya satu tingkat dan bobot tidak negatif.",
                                       "Indicator {0} needs at least one level and a weight that is not negative."),
        "index.set.classes": Pair("Predikat harus berurutan dari ambang tertinggi ke terendah, antara 0 dan 100.",
                                  "The classes must run from the highest threshold to the lowest, between 0 and 100."),
        "index.answer.unknown": Pair("Indikator {0} tidak ada dalam bentuk indeks ini (jawaban untuk {1}).",
                                     "Indicator {0} is not part of this form of the index (answer for {1})."),
        "index.answer.level": Pair("Tingkat {1} untuk indikator {0} di luar 0–{2}.", "The level {1} for indicator {0} is outside 0–{2}."),
        "index.whatIf.noInnovation": Pair("Inovasi nomor {0} tidak ada dalam jawaban ini.", "Innovation number {0} is not in these answers."),
    ]
}
