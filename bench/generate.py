#!/usr/bin/env python3
"""Deterministic generator of N innovations across 40 agencies, with Indonesian-like text.

Writes a CSV in Lumbung's import template (the same columns `lumbung import` reads), so the
same file loads into Lumbung and, through sqlite-utils, into Datasette.

    python3 bench/generate.py 100000 > bench/data/innovations-100000.csv
"""
import csv
import random
import sys

SEED = 20261129

AGENCIES = [f"OPD-{i:02d}" for i in range(1, 41)]
CATEGORIES = ["pelayanan publik", "tata kelola pemerintahan daerah"]
MODES = ["digital", "non-digital"]
STAGES = ["inisiatif", "uji coba", "penerapan", "penerapan", "penerapan"]
INITIATORS = ["perangkat daerah", "ASN", "kepala daerah", "masyarakat", "anggota DPRD"]
AFFAIRS = ["pendidikan", "kesehatan", "pupr", "perkim", "trantibumlinmas", "sosial", "adminduk", "pmd", "kominfo",
           "perhubungan", "pertanian", "kelautan-perikanan", "pariwisata", "keuangan", "perencanaan", "kepegawaian"]
THEMES = ["digitalisasi layanan", "penanggulangan kemiskinan", "kemudahan investasi", "wilayah perbatasan",
          "jemput bola", "reformasi birokrasi", "kesehatan ibu dan anak", "ketahanan pangan", "transparansi"]

# Roots and affixed forms, so that the stemmer has real work to do.
SUBJECTS = ["pelayanan", "layanan", "pendaftaran", "perizinan", "pengaduan", "pemantauan", "pengelolaan", "pembayaran",
            "penerapan", "pemberdayaan", "pendidikan", "kesehatan", "pendataan", "penyaluran", "pengawasan", "pelaporan"]
OBJECTS = ["administrasi kependudukan", "bantuan sosial", "pajak daerah", "air bersih", "nelayan", "petani", "UMKM",
           "sekolah", "puskesmas", "desa", "arsip", "retribusi", "perumahan", "jalan", "pasar", "posyandu",
           "ibu hamil", "anak sekolah", "kelompok tani", "rumput laut", "perbatasan", "penduduk"]
VERBS = ["melayani", "mendata", "mempercepat", "menerapkan", "mengelola", "memantau", "menyalurkan", "memberdayakan",
         "mendekatkan", "menyederhanakan", "mengintegrasikan", "memverifikasi", "melaporkan", "mendampingi"]
PLACES = ["Tanjung Selor", "Tarakan", "Nunukan", "Malinau", "Tana Tidung", "Sebatik", "Krayan", "Lumbis",
          "Sesayap", "Bunyu", "Long Apari", "Mentarang", "Peso", "Sembakung"]
FILLER = ["secara", "terpadu", "berbasis", "aplikasi", "daring", "petugas", "warga", "kecamatan", "kabupaten",
          "provinsi", "waktu", "hari", "biaya", "dokumen", "data", "sistem", "informasi", "akses", "mutu", "cepat",
          "mudah", "murah", "transparan", "akuntabel", "berkelanjutan", "kolaborasi", "mitra", "masyarakat",
          "program", "kegiatan", "target", "capaian", "indikator", "survei", "kepuasan", "pengguna", "wilayah"]
ACRONYM_PARTS = ["SI", "E", "GO", "KITA", "BERSAMA", "CEPAT", "PINTAR", "SEHAT", "DESA", "LAYAN", "TANI", "LAUT"]

# A long tail of village names (desa), so that a three-word query can be narrow, as real
# catalogue queries naming a place are.
SYLLABLES = ["ba", "la", "ta", "nu", "ka", "se", "ma", "ri", "lo", "pa", "da", "wi", "ro", "su", "ne", "ha", "ja", "mu"]


def village_names(rng, count):
    names = set()
    while len(names) < count:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))))
    return sorted(names)


HEADER = ["kode", "nama", "singkatan", "kode_perangkat_daerah", "bentuk", "jenis", "tahapan", "inisiator",
          "urusan_utama", "urusan_lain", "tanggal_uji_coba", "tanggal_penerapan", "rancang_bangun", "tujuan",
          "manfaat", "hasil", "penerima_manfaat", "tema", "sdgs", "tautan_video", "lintang", "bujur", "status",
          "publikasi"]


def sentence(rng):
    words = [rng.choice(VERBS), rng.choice(OBJECTS)] + [rng.choice(FILLER) for _ in range(rng.randint(5, 11))]
    if rng.random() < 0.15:
        words.append("desa " + rng.choice(VILLAGES))
    words.insert(rng.randint(1, len(words)), "di " + rng.choice(PLACES))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def row(rng, i):
    subject, obj = rng.choice(SUBJECTS), rng.choice(OBJECTS)
    name = f"{subject.capitalize()} {obj} {rng.choice(PLACES)} {i}"
    year = rng.randint(2015, 2025)
    month = rng.randint(1, 12)
    stage = rng.choice(STAGES)
    trial = f"{year}-{month:02d}-{rng.randint(1, 28):02d}" if stage != "inisiatif" else ""
    implementation = f"{year + 1}-{month:02d}-{rng.randint(1, 28):02d}" if stage == "penerapan" else ""
    main = rng.choice(AFFAIRS)
    others = ";".join(sorted(set(rng.sample(AFFAIRS, rng.randint(0, 2))) - {main}))
    return [
        f"BENCH-{i:06d}", name, rng.choice(ACRONYM_PARTS) + "-" + rng.choice(ACRONYM_PARTS), rng.choice(AGENCIES),
        rng.choice(CATEGORIES), rng.choice(MODES), stage, rng.choice(INITIATORS), main, others, trial, implementation,
        "\n\n".join(paragraph(rng, 5) for _ in range(3)), paragraph(rng, 2), paragraph(rng, 2), paragraph(rng, 2),
        f"Warga {rng.choice(OBJECTS)} di {rng.choice(PLACES)}", ";".join(rng.sample(THEMES, rng.randint(1, 3))),
        ";".join(str(n) for n in sorted(rng.sample(range(1, 18), rng.randint(1, 3)))), "",
        f"{rng.uniform(2.0, 4.4):.4f}", f"{rng.uniform(115.5, 118.0):.4f}", "terverifikasi", "ya",
    ]


VILLAGES = village_names(random.Random(SEED + 1), 4000)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(SEED)
    writer = csv.writer(sys.stdout, lineterminator="\r\n")
    writer.writerow(HEADER)
    for i in range(1, n + 1):
        writer.writerow(row(rng, i))


if __name__ == "__main__":
    main()
