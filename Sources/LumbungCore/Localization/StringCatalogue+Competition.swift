// Texts of competitions: editions, eligibility, proposals, selection, hand-off and awards.

extension StringCatalogue {
    static let competitionTexts: [String: Pair] = [
        // Eligibility, rule by rule, with what was compared.
        "eligibility.verified.ok": Pair("Profil inovasi sudah terverifikasi.", "The innovation profile is verified."),
        "eligibility.verified.no": Pair("Profil inovasi belum terverifikasi (status sekarang: {0}); hanya inovasi terverifikasi yang dapat diusulkan.",
                                        "The innovation profile is not verified (status now: {0}); only verified innovations can be proposed."),
        "eligibility.age.none": Pair("Kelompok ini tidak mensyaratkan usia penerapan.", "This group has no minimum implementation age."),
        "eligibility.age.noStart": Pair("Usia penerapan minimal {0} tahun: tanggal mulai penerapan belum diisi di profil.",
                                        "Implementation age of at least {0} years: the implementation start date is missing from the profile."),
        "eligibility.age.ok": Pair("Usia penerapan minimal {0} tahun: mulai {1}, genap {0} tahun pada {2}, sebelum penutupan pendaftaran {3}.",
                                   "Implementation age of at least {0} years: started {1}, {0} years complete on {2}, before registration closes on {3}."),
        "eligibility.age.no": Pair("Usia penerapan minimal {0} tahun: mulai {1}, baru genap {0} tahun pada {2}, sesudah penutupan pendaftaran {3} (kurang {4} hari).",
                                   "Implementation age of at least {0} years: started {1}, {0} years complete only on {2}, after registration closes on {3} ({4} days short)."),
        "eligibility.category.ok": Pair("Bentuk inovasi {0} diterima kelompok ini.", "Bentuk {0} is accepted in this group."),
        "eligibility.category.no": Pair("Bentuk inovasi {0} tidak diterima kelompok ini (yang diterima: {1}).",
                                        "Bentuk {0} is not accepted in this group (accepted: {1})."),
        "eligibility.stage.ok": Pair("Tahapan {0} diterima kelompok ini.", "Tahapan {0} is accepted in this group."),
        "eligibility.stage.no": Pair("Tahapan {0} tidak diterima kelompok ini (yang diterima: {1}).",
                                     "Tahapan {0} is not accepted in this group (accepted: {1})."),
        "eligibility.notTopTier.ok": Pair("Belum pernah menjadi pemenang tingkat teratas KIPP sebelumnya.",
                                          "Has not won the top tier of an earlier KIPP."),
        "eligibility.notTopTier.no": Pair("Sudah pernah menjadi pemenang tingkat teratas KIPP ({0}); tidak dapat ikut kelompok ini.",
                                          "Already won the top tier of an earlier KIPP ({0}); cannot enter this group."),
        "eligibility.notFinalistTwice.ok": Pair("Belum dua kali menjadi finalis (Top 99) KIPP (tahun finalis: {0}).",
                                                "Has not been a KIPP finalist (Top 99) twice (finalist years: {0})."),
        "eligibility.notFinalistTwice.no": Pair("Sudah dua kali menjadi finalis (Top 99) KIPP ({0}); tidak dapat ikut kelompok ini.",
                                                "Already a KIPP finalist (Top 99) twice ({0}); cannot enter this group."),
        "eligibility.replicates.ok": Pair("Menyebut inovasi yang direplikasi.", "Names the innovation it replicates."),
        "eligibility.replicates.no": Pair("Kelompok replikasi: profil belum menyebut inovasi yang direplikasi (isian \"Replikasi dari\").",
                                          "Replication group: the profile does not name the innovation it replicates (the \"Replicated from\" field)."),
        "eligibility.wasTopTier.ok": Pair("Pernah menjadi pemenang tingkat teratas KIPP ({0}).", "Won the top tier of an earlier KIPP ({0})."),
        "eligibility.wasTopTier.no": Pair("Kelompok khusus hanya untuk pemenang tingkat teratas KIPP sebelumnya; inovasi ini belum pernah.",
                                          "The special group is only for earlier top-tier KIPP winners; this innovation has not been one."),

        // Readiness of a proposal.
        "readiness.groupOrCategory": Pair("Pilih kelompok dan kategori yang ada pada edisi ini.", "Choose a group and a category of this edition."),
        "readiness.sectionOver": Pair("Bagian \"{0}\": {1} kata, melebihi batas {2} kata.", "Section \"{0}\": {1} words, over the limit of {2}."),
        "readiness.sectionUnder": Pair("Bagian \"{0}\": {1} kata, kurang dari minimal {2} kata.", "Section \"{0}\": {1} words, under the minimum of {2}."),
        "readiness.sectionEmpty": Pair("Bagian \"{0}\" belum diisi.", "Section \"{0}\" is empty."),
        "readiness.document": Pair("Dokumen \"{0}\" belum diunggah.", "Document \"{0}\" has not been uploaded."),
        "readiness.video": Pair("Tautan video belum diisi.", "The video link is missing."),
        "readiness.sdgs": Pair("Pilih minimal satu tujuan SDGs.", "Choose at least one SDG."),

        // Quotas.
        "quota.full": Pair("Kuota penuh: {0} sudah memakai {3} dari {2} tempat untuk {1}.",
                           "Quota full: {0} has used {3} of its {2} places in {1}."),
        "quota.wholeRegistry": Pair("Pemerintah Provinsi", "the provincial government"),

        // Uploads.
        "upload.empty": Pair("Berkas \"{0}\" kosong.", "The file \"{0}\" is empty."),
        "upload.tooLarge": Pair("Berkas \"{0}\" berukuran {1}, melebihi batas {2}.", "The file \"{0}\" is {1}, over the limit of {2}."),
        "upload.wrongType": Pair("Berkas \"{0}\" bukan PDF, JPEG atau PNG (isinya terbaca sebagai {1}, {2}).",
                                 "The file \"{0}\" is not a PDF, JPEG or PNG (its content reads as {1}, {2})."),

        // Edition rules.
        "edition.nameMissing": Pair("bagian \"{0}\" belum diberi nama.", "part \"{0}\" has no name."),
        "edition.badKey": Pair("kode \"{0}\" hanya boleh berisi huruf kecil, angka dan tanda hubung (1–40).",
                               "code \"{0}\" may hold only lower-case letters, digits and hyphens (1–40)."),
        "edition.duplicateKey": Pair("kode \"{0}\" dipakai dua kali.", "code \"{0}\" is used twice."),
        "edition.noGroups": Pair("minimal satu kelompok.", "at least one group."),
        "edition.noCategories": Pair("minimal satu kategori.", "at least one category."),
        "edition.noSections": Pair("minimal satu bagian proposal.", "at least one proposal section."),
        "edition.wordLimits": Pair("bagian \"{0}\": batas kata {1}–{2} tidak masuk akal (maksimal minimal 1, dan minimal tidak boleh melebihi maksimal).",
                                   "section \"{0}\": the word limits {1}–{2} make no sense (the maximum must be at least 1 and not below the minimum)."),
        "edition.age": Pair("kelompok \"{0}\": usia minimal {1} tahun tidak masuk akal.", "group \"{0}\": a minimum age of {1} years makes no sense."),
        "edition.quotaInvalid": Pair("kelompok \"{0}\": kuota {1} harus minimal 1 (kosongkan bila tanpa kuota).",
                              "group \"{0}\": a quota of {1} must be at least 1 (leave it empty for none)."),
        "edition.unknownDocument": Pair("kelompok \"{0}\" memerlukan dokumen \"{1}\" yang tidak ada di daftar dokumen.",
                                        "group \"{0}\" needs the document \"{1}\", which is not in the list of documents."),
        "edition.weights": Pair("bobot kriteria berjumlah {0}, harus 100.", "the criteria weights add up to {0}, not 100."),
        "edition.scale": Pair("kriteria \"{0}\": skala {1}–{2} dan bobot harus positif, dengan nilai terendah di bawah tertinggi.",
                              "criterion \"{0}\": the scale {1}–{2} and the weight must be positive, the lowest below the highest."),
        "edition.stageDates": Pair("tahap \"{0}\": berakhir {2} sebelum mulai {1}.", "stage \"{0}\": ends on {2}, before it starts on {1}."),
        "edition.registrationOrder": Pair("pendaftaran ditutup {1} sebelum dibuka {0}.", "registration closes on {1}, before it opens on {0}."),
    ]
}
