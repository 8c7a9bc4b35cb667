// Texts of account administration and sessions.

extension StringCatalogue {
    static let accountTexts: [String: Pair] = [
        "users.edit": Pair("Ubah akun", "Edit account"),
        "users.editTitle": Pair("Ubah akun {0}", "Edit account {0}"),
        "users.updated": Pair("Akun {0} disimpan.", "Account {0} saved."),
        "users.updatedSessionsEnded": Pair("Akun {0} disimpan. Peran atau perangkat daerahnya berubah, jadi semua sesi akun itu diakhiri; pemiliknya perlu masuk lagi.",
                                           "Account {0} saved. Its role or agency changed, so all its sessions were ended; its owner must sign in again."),
        "users.notSelfRole": Pair("Anda tidak dapat mengubah peran akun Anda sendiri; minta admin lain melakukannya.",
                                  "You cannot change the role of your own account; ask another admin."),
        "users.unchanged": Pair("Tidak ada perubahan.", "Nothing changed."),
        "password.otherSessionsEnded": Pair("Kata sandi telah diubah. Sesi lain akun ini (di perangkat lain) telah diakhiri.",
                                            "Password changed. Your other sessions (on other devices) have been ended."),
        "dashboard.noAgency": Pair("Akun operator ini belum terikat pada perangkat daerah, jadi belum ada data registri yang dapat ditampilkan. Hubungi admin Biro Organisasi.",
                                   "This operator account is not linked to an agency yet, so no registry data can be shown. Contact the Biro Organisasi admin."),
    ]
}
