/// A day in the calendar, with no time and no time zone: trial and implementation dates are
/// days, and storing them as instants would move them across midnight in WITA or WIT.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for a day that does not exist (31 April, 29 February 2019).
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601 form, `2020-03-01`, which also sorts correctly as text.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension CalendarDate {
    static let indonesianMonths = ["januari", "februari", "maret", "april", "mei", "juni", "juli",
                                   "agustus", "september", "oktober", "november", "desember"]
    static let monthAliases: [String: Int] = [
        "jan": 1, "feb": 2, "peb": 2, "pebruari": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
        "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8, "sep": 9, "sept": 9, "okt": 10,
        "oct": 10, "october": 10, "nov": 11, "nop": 11, "nopember": 11, "des": 12, "dec": 12,
        "december": 12, "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    ]

    /// Reads a date as people in the province write it: `2020-03-01`, `01/03/2020`,
    /// `1-3-2020` (day first, as in Indonesia) or `1 Maret 2020`.
    public init?(parsing text: String) {
        // The stored form, `2020-03-01`, read from its bytes: it is what nearly every call sees.
        if let (year, month, day) = Self.isoParts(text) {
            self.init(year: year, month: month, day: day)
            return
        }
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count <= 40 else { return nil }
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." || $0 == " " })
            .map(String.init)
        guard parts.count == 3 else { return nil }
        if parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
            self.init(year: y, month: m, day: d)
        } else if let d = Int(parts[0]), let y = Int(parts[2]), parts[2].count == 4 {
            let monthText = parts[1].lowercased()
            if let m = Int(monthText) {
                self.init(year: y, month: m, day: d)
            } else if let index = CalendarDate.indonesianMonths.firstIndex(of: monthText) {
                self.init(year: y, month: index + 1, day: d)
            } else if let m = CalendarDate.monthAliases[monthText] {
                self.init(year: y, month: m, day: d)
            } else {
                return nil
            }
        } else {
            return nil
        }
    }
}

extension CalendarDate {
    /// Year, month and day of exactly `YYYY-MM-DD`, nil for any other text.
    static func isoParts(_ text: String) -> (Int, Int, Int)? {
        guard text.utf8.count == 10 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { bytes -> (Int, Int, Int)? in
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for byte in bytes[range] {
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        } ?? nil
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

/// Stored and sent as `2020-03-01`.
extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(text) is not a date"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension CalendarDate {
    /// The day `days` later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate.inWITA(WITATime.instant(self, hour: 12, minute: 0).addingTimeInterval(Double(days) * 86_400))
    }
}
