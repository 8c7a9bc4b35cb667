// Texts of the evaluation rules: score sheets, quotas, stage rules, assignment.

extension StringCatalogue {
    static let evaluationTexts: [String: Pair] = [
        "evaluation.score.missing": Pair("Kriteria {0} belum dinilai.", "Criterion {0} has no score."),
        "evaluation.score.outsideScale": Pair("Nilai {1} untuk kriteria {0} di luar skala {2}–{3}.",
                                              "The score {1} for criterion {0} is outside the scale {2}–{3}."),
        "evaluation.score.unknown": Pair("Kriteria {0} tidak ada dalam edisi ini.", "Criterion {0} is not part of this edition."),
        "evaluation.score.notNumber": Pair("Nilai kriteria {0} harus bilangan bulat.", "The score for criterion {0} must be a whole number."),

        "evaluation.quota.floorUnreachable": Pair("Kuota minimal {2} usulan dengan {0} \"{1}\" tidak dapat dipenuhi: hanya {3} usulan yang ada.",
                                                  "The floor of {2} proposals with {0} \"{1}\" cannot be met: only {3} proposals have it."),
        "evaluation.quota.floorsExceedSeats": Pair("Jumlah kuota minimal ({0}) melebihi jumlah kursi ({1}).",
                                                   "The floors add up to {0}, more than the {1} seats."),
        "evaluation.quota.capsTooTight": Pair("Batas maksimal per {0} hanya memungkinkan {1} usulan, padahal kursinya {2}.",
                                              "The caps per {0} allow only {1} proposals for {2} seats."),
        "evaluation.quota.combination": Pair("Setiap kuota dapat dipenuhi sendiri-sendiri, tetapi tidak semuanya sekaligus dengan {0} kursi.",
                                             "Each quota can be met alone, but not all of them together with {0} seats."),
        "evaluation.quota.tooManyAttributes": Pair("Kuota hanya dapat diatur untuk paling banyak dua atribut sekaligus (sekarang {0}).",
                                                   "Quotas can be set on at most two attributes at once (now {0})."),

        "evaluation.rules.k": Pair("Jumlah penilai per usulan harus 1 sampai 10 (sekarang {0}).", "Evaluators per proposal must be 1 to 10 (now {0})."),
        "evaluation.rules.top": Pair("Jumlah yang lolos harus minimal 1 (sekarang {0}).", "The number to shortlist must be at least 1 (now {0})."),
        "evaluation.rules.cutoff": Pair("Nilai batas lolos harus 0 sampai 100 (sekarang {0}).", "The passing score must be 0 to 100 (now {0})."),
        "evaluation.rules.lambda": Pair("λ model bias harus 0 sampai 100.", "The bias model's λ must be 0 to 100."),
        "evaluation.rules.carryOver": Pair("Bobot nilai tahap sebelumnya harus 0 sampai 1.", "The weight of the previous stage must be 0 to 1."),
        "evaluation.rules.cutoffFloors": Pair("Dengan nilai batas, hanya batas atas per kelompok yang dapat berlaku: batas bawah dan kursi proporsional memerlukan usulan di bawah nilai batas. Pilih Top-N untuk memakainya.",
                                              "With a cut-off score only caps can apply: floors and proportional seats would need proposals below it. Choose Top-N to use them."),
        "evaluation.rules.seed": Pair("Benih undian (untuk nilai yang tetap sama) wajib diisi dan diumumkan sebelum penilaian ditutup.",
                                      "The lottery seed (for scores still tied) is required and is published before scoring closes."),
    ]
}
