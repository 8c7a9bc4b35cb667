extension TextAnalyzer {
    /// Indonesian function words: conjunctions, prepositions, pronouns, auxiliaries, particles and
    /// the commonest adverbs, plus chat abbreviations of them (yg, dgn, utk). They occur in nearly
    /// every profile, so matching them finds nothing and only costs time. Content words that are
    /// frequent in the catalogue (layanan, desa, inovasi, baik, baru) are deliberately absent:
    /// people do search for them.
    public static let stopWords: Set<String> = [
        "ada", "adalah", "adanya", "adapun", "agak", "agar", "akan", "aku", "amat", "anda", "antara", "apa",
        "apabila", "apakah", "apalagi", "atas", "atau", "ataupun", "bagaimana", "bagi", "bahkan", "bahwa",
        "begitu", "belum", "beberapa", "berbagai", "bila", "bisa", "boleh", "bukan", "bukankah", "dalam",
        "dan", "dapat", "dari", "daripada", "demi", "dengan", "di", "dia", "dimana", "dll", "dsb", "dst",
        "dgn", "guna", "hal", "hampir", "hanya", "harus", "hingga", "ia", "ialah", "ini", "itu", "jadi",
        "jika", "juga", "kalau", "kami", "kamu", "kapan", "karena", "ke", "kecuali", "kemudian", "kenapa",
        "kepada", "ketika", "kini", "kita", "lagi", "lain", "lainnya", "lalu", "maka", "masih", "masing",
        "masing-masing", "melainkan", "melalui", "memang", "mengapa", "menjadi", "mereka", "meski",
        "meskipun", "mungkin", "namun", "nya", "oleh", "pada", "paling", "para", "pernah", "pula", "pun",
        "saat", "saja", "sambil", "sampai", "sangat", "saya", "seakan", "sebab", "sebagai", "sebelum",
        "sebuah", "secara", "sedang", "sedangkan", "sehingga", "sejak", "sekitar", "selain", "selama",
        "selalu", "seluruh", "semua", "semuanya", "seorang", "seperti", "serta", "sesuai", "setelah",
        "setiap", "sini", "situ", "suatu", "sudah", "supaya", "tanpa", "telah", "tentang", "terhadap",
        "tersebut", "tetapi", "tiap", "tidak", "tsb", "untuk", "utk", "walaupun", "yaitu", "yakni", "yang",
        "yg",
    ]
}
