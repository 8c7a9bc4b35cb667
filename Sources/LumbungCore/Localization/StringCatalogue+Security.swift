// Texts of refusals that protect the service: limits, busy database, stopping server.

extension StringCatalogue {
    static let securityTexts: [String: Pair] = [
        "error.page.tooLargeLimit": Pair("Kiriman terlalu besar ({1}): batasnya {0}. Tidak ada yang disimpan; kembali ke halaman sebelumnya dan pilih berkas yang lebih kecil.",
                                         "What was sent is too large ({1}): the limit is {0}. Nothing was saved; go back to the page before and choose a smaller file."),
        "error.page.methodNotAllowed": Pair("Alamat ini tidak menerima permintaan seperti itu.",
                                            "This address does not accept that kind of request."),
        "error.page.uriTooLong": Pair("Alamat halaman terlalu panjang. Persingkat pencarian lalu coba lagi.",
                                      "The address is too long. Shorten the search and try again."),
        "error.page.unavailable": Pair("Layanan sedang tidak tersedia. Coba lagi sebentar lagi.",
                                       "The service is unavailable at the moment. Try again shortly."),
        "error.page.stopping": Pair("Server sedang dimulai ulang. Coba lagi dalam beberapa detik.",
                                    "The server is restarting. Try again in a few seconds."),
        "error.page.busy": Pair("Basis data sedang dipakai proses lain, sehingga isian Anda belum disimpan. Tekan Kembali (isian masih ada di formulir) dan kirim lagi sebentar lagi.",
                                "The database is in use by another process, so your entries were not saved. Press Back (they are still in the form) and send them again shortly."),
        "error.page.busyImport": Pair("Impor spreadsheet sedang berjalan (dimulai {0} oleh {1}), sehingga isian Anda belum disimpan. Tekan Kembali (isian masih ada di formulir) dan kirim lagi setelah impor selesai.",
                                      "A spreadsheet import is running (started {0} by {1}), so your entries were not saved. Press Back (they are still in the form) and send them again once the import has finished."),
    ]
}
