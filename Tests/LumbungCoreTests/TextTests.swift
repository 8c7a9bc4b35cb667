import Testing
@testable import LumbungCore

@Suite struct WordCounterTests {
    @Test func countsWordsNotPunctuation() {
        #expect(WordCounter.count("") == 0)
        #expect(WordCounter.count("  \n\t ") == 0)
        #expect(WordCounter.count("Pelayanan publik, cepat — dan mudah!") == 5)
        #expect(WordCounter.count("Layanan\n\nadministrasi  kependudukan") == 3)
    }

    @Test func hyphenatedWordsAndReduplicationCountOnce() {
        #expect(WordCounter.count("inovasi-inovasi daerah") == 2)
        #expect(WordCounter.count("layanan e-KTP di kecamatan") == 4)
        #expect(WordCounter.count("tahun 2019 - 2020") == 3)
    }
}

@Suite struct CalendarDateTests {
    @Test(arguments: [
        ("2020-03-01", "2020-03-01"), ("01/03/2020", "2020-03-01"), ("1/3/2020", "2020-03-01"),
        ("1 Maret 2020", "2020-03-01"), ("17 agustus 2019", "2019-08-17"), ("5 Nopember 2018", "2018-11-05"),
        ("  29-02-2020 ", "2020-02-29"), ("3 Des 2017", "2017-12-03"), ("2024-12-31", "2024-12-31"), ("2020-3-01", "2020-03-01"),
    ])
    func parsesTheFormsPeopleWrite(text: String, iso: String) {
        #expect(CalendarDate(parsing: text)?.description == iso)
    }

    @Test(arguments: ["", "kemarin", "2019-02-29", "31/04/2020", "2020-13-01", "1 Maretan 2020", "2020/03", "00/01/2020",
                      "2020-1a-01", "2020-02-30", "2020-00-10", "2020-01-00"])
    func rejectsWhatIsNotADay(text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test func ordersByDay() {
        let a = CalendarDate(year: 2019, month: 12, day: 31)!
        let b = CalendarDate(year: 2020, month: 1, day: 1)!
        #expect(a < b)
    }
}

@Suite struct IndonesianFormatTests {
    @Test func datesInIndonesianAndEnglish() {
        let day = CalendarDate(year: 2026, month: 11, day: 29)!
        #expect(IndonesianFormat.date(day) == "29 November 2026")
        #expect(IndonesianFormat.date(CalendarDate(year: 2019, month: 8, day: 5)!) == "5 Agustus 2019")
        #expect(IndonesianFormat.date(CalendarDate(year: 2019, month: 8, day: 5)!, language: .en) == "5 August 2019")
    }

    @Test func numbersUseDotsForThousandsAndCommaForDecimals() {
        #expect(IndonesianFormat.number(1234.5, fractionDigits: 1) == "1.234,5")
        #expect(IndonesianFormat.number(87) == "87")
        #expect(IndonesianFormat.number(1_234_567) == "1.234.567")
        #expect(IndonesianFormat.number(1234.5, fractionDigits: 1, language: .en) == "1,234.5")
        #expect(IndonesianFormat.number(-0.04, fractionDigits: 1) == "0,0")
    }

    @Test func wholeNumbersAreGroupedAsTheDecimalFormGroupsThem() {
        for value in [0, 7, 999, 1_000, 10_000, 100_000, 999_999, 1_000_000, -1, -999, -1_000, -1_234_567, 87_654_321] {
            #expect(IndonesianFormat.number(value) == IndonesianFormat.number(Double(value)), "\(value)")
            #expect(IndonesianFormat.number(value, language: .en) == IndonesianFormat.number(Double(value), language: .en), "\(value)")
        }
        #expect(IndonesianFormat.number(-1_234_567) == "-1.234.567")
        #expect(IndonesianFormat.number(100_000, language: .en) == "100,000")
    }
}

@Suite struct DatabaseLocationTests {
    @Test func defaultsToAFileBesideTheProcess() throws {
        #expect(try DatabaseLocation.parse(nil) == .sqliteFile(path: "lumbung.sqlite"))
        #expect(try DatabaseLocation.parse("") == .sqliteFile(path: "lumbung.sqlite"))
    }

    @Test func readsPostgresAndSQLiteURLs() throws {
        #expect(try DatabaseLocation.parse("postgres://u:p@127.0.0.1:5432/db") == .postgres(url: "postgres://u:p@127.0.0.1:5432/db"))
        #expect(try DatabaseLocation.parse("sqlite:///var/lib/lumbung/data.sqlite") == .sqliteFile(path: "/var/lib/lumbung/data.sqlite"))
        #expect(try DatabaseLocation.parse("sqlite::memory:") == .sqliteMemory)
        #expect(DatabaseLocation.postgres(url: "x").kind == "postgres")
    }

    @Test func rejectsOtherSchemes() {
        #expect(throws: DatabaseLocation.ParseError.self) { try DatabaseLocation.parse("mysql://localhost/db") }
        #expect(throws: DatabaseLocation.ParseError.self) { try DatabaseLocation.parse("sqlite://") }
    }
}

@Suite struct ProposalWordCountTests {
    @Test(arguments: [
        ("anak-anak bermain", 2), ("inovasi-inovasi daerah", 2), ("layanan e-KTP", 2), ("pandemi COVID-19 melanda", 3),
        ("tahun 2019-2020", 3), ("2.340 dokumen", 2), ("naik 12,5 persen", 3), ("Rp 1.250.000,00 per bulan", 4),
        ("hari Jum'at", 2), ("akhir kalimat. Awal kalimat", 4), ("satu,dua", 2), ("- daftar\n- butir", 2),
        ("", 0), ("...", 0), ("3-in-1", 1), ("kata--kata", 2),
    ])
    func countsAsTheProposalRulesDo(_ text: String, _ expected: Int) {
        #expect(WordCounter.count(text) == expected, "\(text.debugDescription)")
    }
}
