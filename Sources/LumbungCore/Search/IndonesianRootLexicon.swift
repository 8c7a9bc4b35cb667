/// A compact root lexicon for `IndonesianStemmer`, used the way Nazief–Adriani use their
/// dictionary: stemming stops as soon as a form is a known root, and the lexicon chooses
/// between the recodings a nasal prefix allows (menilai: tilai or nilai? nilai is known).
///
/// No full dictionary ships with the app, so this lists the roots of the catalogue's own
/// vocabulary (government, public service, health, education, economy, technology, villages
/// and regions) and, just as important, roots that look affixed and would otherwise be cut
/// (berita, pesan, sekolah, kelas, terap, jumlah, ikan). A root missing here still stems by
/// the ECS rules; adding it only makes the stemmer surer. Keep entries as roots, lower case.
enum IndonesianRootLexicon {
    static let roots: Set<String> = [
        // Government and administration
        "abdi", "administrasi", "advokasi", "agenda", "akreditasi", "akta", "akuntabel", "alokasi", "amanat",
        "anggar", "anggota", "aparat", "aparatur", "arsip", "asas", "aspirasi", "audit", "badan", "bangsa",
        "birokrasi", "bupati", "camat", "daerah", "daulat", "desa", "dinas", "direktur", "dokumen", "dusun",
        "gubernur", "hak", "hukum", "identitas", "instansi", "izin", "jabat", "kabupaten", "kampung", "kantor",
        "kartu", "kawasan", "kelola", "kinerja", "kota", "kuasa", "lembaga", "lurah", "mandat", "menteri",
        "musyawarah", "negara", "negeri", "nomor", "otonomi", "pajak", "pegawai", "penduduk", "perangkat",
        "perintah", "periode", "program", "provinsi", "publik", "rakyat", "rapat", "regulasi", "retribusi",
        "sekretariat", "sekretaris", "sensus", "sipil", "status", "surat", "tata", "tertib", "undang", "wakil",
        "wali", "walikota", "warga", "wenang", "wilayah",
        // Public service
        "adu", "antre", "antri", "bola", "cepat", "daring", "gratis", "jemput", "keliling", "keluh", "layan",
        "loket", "luring", "mudah", "murah", "prosedur", "puas", "ramah", "saran", "syarat", "tanda", "tanggap",
        "tunggu",
        // Health
        "bayi", "bidan", "cegah", "darah", "darurat", "derita", "diare", "disabilitas", "dokter", "gizi",
        "hamil", "hidup", "ibu", "imunisasi", "klinik", "lahir", "lansia", "mati", "medis", "nyawa", "obat",
        "pasien", "periksa", "posyandu", "pulih", "puskesmas", "rawat", "rujuk", "sakit", "sanitasi", "sehat",
        "sembuh", "stunting", "susu", "tular", "vaksin", "virus", "wabah",
        // Education
        "ajar", "baca", "beasiswa", "cerdas", "didik", "guru", "ilmu", "kaji", "kelas", "kuliah", "kunjung",
        "kurikulum", "literasi", "lulus", "madrasah", "mahasiswa", "murid", "paham", "pandai", "pesantren",
        "pintar", "prestasi", "pustaka", "sekolah", "siswa", "tahu", "teliti", "terampil", "tulis",
        // Economy and work
        "bank", "bayar", "beli", "biaya", "bisnis", "dagang", "dana", "ekonomi", "ekspor", "gaji", "harga",
        "impor", "industri", "insentif", "investasi", "jasa", "jual", "karya", "kemas", "kerja", "kerjasama",
        "koperasi", "kredit", "laba", "miskin", "mitra", "modal", "niaga", "pasar", "pinjam", "pokok", "produk",
        "produksi", "promosi", "rugi", "rupiah", "sembako", "subsidi", "tabung", "tambang", "tenaga", "tenun",
        "tunai", "uang", "untung", "upah", "usaha", "wirausaha",
        // Farming, fisheries, environment
        "air", "alam", "api", "apung", "ayam", "bakar", "banjir", "bencana", "benih", "bersih", "bibit", "buah",
        "budidaya", "darat", "emisi", "energi", "gambut", "garam", "hijau", "hujan", "hutan", "ikan", "iklim",
        "jagung", "kapal", "karet", "kayu", "kebun", "kopi", "lahan", "laut", "lestari", "limbah", "listrik",
        "mangrove", "musim", "nelayan", "padi", "panen", "pangan", "pantai", "perahu", "pesisir", "pohon",
        "polusi", "pulau", "pupuk", "rumput", "sampah", "sapi", "sawah", "sawit", "sayur", "sungai", "surya",
        "tambak", "tanah", "tanam", "tani", "ternak",
        // Technology
        "akses", "aplikasi", "cetak", "dasbor", "data", "digital", "digitalisasi", "elektronik", "informasi",
        "inovasi", "inovatif", "integrasi", "internet", "jaring", "ketik", "klik", "kode", "komputer",
        "komunikasi", "online", "otomatis", "peta", "pindai", "platform", "portal", "rekam", "sandi", "server",
        "sinyal", "sistem", "situs", "teknologi", "telepon", "transformasi", "unduh", "unggah", "validasi",
        "verifikasi", "video", "virtual", "web", "website",
        // Villages and regions
        "barat", "batas", "bulungan", "indonesia", "kalimantan", "malinau", "nunukan", "pelosok", "selatan",
        "selor", "tarakan", "tengah", "tidung", "timur", "utara",
        // Society and culture
        "adat", "agama", "budaya", "damai", "difabel", "gender", "gotong", "hormat", "kelompok", "keluarga",
        "komunitas", "masyarakat", "olahraga", "organisasi", "perempuan", "relawan", "remaja", "royong",
        "rukun", "seni", "setara", "sosial", "suku", "tari", "wisata",
        // Planning, quality, change
        "adopsi", "alat", "antisipasi", "apresiasi", "bahan", "barang", "coba", "edukasi", "efektif", "efisien",
        "evaluasi", "fasilitas", "fungsi", "gagas", "hadiah", "hambat", "ide", "implementasi", "juara",
        "kapasitas", "kendala", "kolaborasi", "kondisi", "konsep", "koordinasi", "kualitas", "lomba", "masalah",
        "mediasi", "metode", "migrasi", "misi", "mobilisasi", "model", "modernisasi", "monitor", "motivasi",
        "mutu", "normalisasi", "notifikasi", "operasi", "optimal", "partisipasi", "peluang", "persentase",
        "potensi", "prasarana", "prioritas", "proses", "publikasi", "replikasi", "sarana", "sasar", "solusi",
        "sosialisasi", "standar", "strategi", "tantang", "target", "terobos", "transparan", "visi",
        // Common verb and noun roots
        "ada", "aju", "akhir", "aksi", "alih", "ambil", "ancam", "angkut", "arti", "asal", "atur", "awal",
        "awas", "baik", "bangun", "bantu", "baru", "basis", "beda", "bentuk", "beri", "bicara", "bijak", "bina",
        "buat", "buka", "butuh", "cair", "capai", "cari", "catat", "cipta", "dalam", "dampak", "damping",
        "dapat", "dasar", "datang", "daya", "dengar", "diri", "dorong", "duduk", "dukung", "edar", "gali",
        "ganti", "gerak", "giat", "guna", "hadap", "hadir", "harap", "hari", "hasil", "himpun", "hitung",
        "hubung", "ikat", "ikut", "ingat", "isi", "jadi", "jaga", "jalan", "jamin", "jangkau", "janji", "jawab",
        "jelas", "juang", "kait", "kembali", "kembang", "kena", "kenal", "kirim", "kuat", "kumpul", "kunci",
        "kurang", "laksana", "laku", "lalu", "lambat", "lanjut", "lapor", "latih", "letak", "libat", "lihat",
        "lindung", "liput", "luar", "luas", "main", "maju", "makam", "makan", "mandiri", "manfaat", "masuk",
        "milik", "minta", "mohon", "muat", "muda", "mukim", "mulai", "nanti", "nasihat", "nikah", "nikmat",
        "nilai", "nyaman", "nyanyi", "nyata", "olah", "oleh", "padu", "pakai", "pantau", "pasang", "pelihara",
        "pencil", "penting", "penuh", "percaya", "perilaku", "perlu", "pikir", "pilih", "pimpin", "pindah",
        "punya", "ragam", "raih", "rasa", "rencana", "rintis", "rumah", "rupa", "saing", "salur", "sama",
        "sampai", "sandang", "sebar", "sedia", "selamat", "selenggara", "selesai", "serah", "serap", "setuju",
        "siap", "simpan", "suka", "suluh", "susun", "tahan", "tambah", "tampil", "tangan", "tanggulang",
        "tanggung", "tanggungjawab", "tanya", "temu", "tentu", "terap", "terbit", "terima", "tetap", "tinggal",
        "tingkat", "tolak", "tolong", "tuju", "tumbuh", "tunjang", "tunjuk", "tutup", "ubah", "uji", "ukur",
        "ulang", "unggul", "urus", "usul", "wujud", "yakin",
        // Roots that look affixed: without these the rules would cut them
        "berani", "beras", "berat", "beringin", "berita", "berkah", "berkas", "bom", "cat", "cek", "dialog",
        "dimensi", "dinamika", "dinamis", "dingin", "diskusi", "distribusi", "istilah", "jembatan", "jumlah",
        "kecil", "kejar", "kenang", "keras", "kereta", "langkah", "media", "memori", "menara", "merah", "merek",
        "mereka", "meriah", "mewah", "naskah", "pecah", "peduli", "pegang", "pekan", "pemilu", "pendek",
        "pengaruh", "penjara", "perak", "peran", "perang", "perkara", "persen", "pertama", "pesan", "pesawat",
        "peserta", "pesta", "rekan", "restoran", "rumpun", "sah", "sederhana", "sejahtera", "sejarah", "sektor",
        "semangat", "seminar", "sepeda", "seragam", "serikat", "sertifikat", "tekan", "teman", "terang",
        "teras", "terbang", "terjemah", "terus", "tes", "utama",
        // Roots ending in -an, -i, -kan, -lah, -kah, -pun, -nya, -ku, -mu
        "aman", "ampun", "awan", "buku", "bulan", "bumi", "depan", "hati", "iman", "insan", "institusi",
        "kawan", "kompetensi", "konstruksi", "kontribusi", "korupsi", "las", "lawan", "opsi", "polisi",
        "posisi", "rawan", "tahun", "tradisi", "transaksi", "tuan", "zaman",
        // Numbers (kedua, ketiga, sepuluh)
        "delapan", "dua", "empat", "enam", "juta", "lima", "puluh", "ratus", "ribu", "satu", "sembilan", "tiga",
        "tujuh",
    ]
}
