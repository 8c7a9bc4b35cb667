import Foundation

/// Dates and numbers as Indonesian readers expect them: `29 November 2026`, `1.234,5`.
public enum IndonesianFormat {
    static let monthNames = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                             "Agustus", "September", "Oktober", "November", "Desember"]
    static let englishMonthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]

    public static func date(_ date: CalendarDate, language: Language = .id) -> String {
        let names = language == .id ? monthNames : englishMonthNames
        return "\(date.day) \(names[date.month - 1]) \(date.year)"
    }

    /// An instant shown in Western Indonesian Time unless another zone is given; Kalimantan
    /// Utara is on WITA (UTC+8).
    public static func dateTime(_ instant: Date, language: Language = .id,
                                timeZone: TimeZone = TimeZone(identifier: "Asia/Makassar")!) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let day = CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
        let minute = c.minute! < 10 ? "0\(c.minute!)" : "\(c.minute!)"
        let separator = language == .id ? "." : ":"
        let zone = language == .id ? " WITA" : " WITA"
        return "\(self.date(day, language: language)) \(c.hour!)\(separator)\(minute)\(zone)"
    }

    /// Groups thousands with a dot and uses a decimal comma (Indonesian) or the English forms.
    public static func number(_ value: Double, fractionDigits: Int = 0, language: Language = .id) -> String {
        let negative = value < 0
        let scale = pow(10.0, Double(fractionDigits))
        let rounded = (abs(value) * scale).rounded() / scale
        let whole = Int(rounded)
        var grouped = number(whole, language: language)
        if fractionDigits > 0 {
            let fraction = Int(((rounded - Double(whole)) * scale).rounded())
            var f = String(fraction)
            f = String(repeating: "0", count: max(0, fractionDigits - f.count)) + f
            grouped += (language == .id ? "," : ".") + f
        }
        return (negative && rounded != 0 ? "-" : "") + grouped
    }

    /// A whole number, grouped by thousands from its digits (no rounding to do).
    public static func number(_ value: Int, language: Language = .id) -> String {
        let digits = String(value.magnitude)
        guard digits.utf8.count > 3 else { return value < 0 ? "-" + digits : digits }
        let separator: Character = language == .id ? "." : ","
        var grouped = value < 0 ? "-" : ""
        for (place, digit) in digits.enumerated() {
            if place > 0 && (digits.utf8.count - place) % 3 == 0 { grouped.append(separator) }
            grouped.append(digit)
        }
        return grouped
    }

    /// A size for people: "850 KB", "10 MB", "1,5 MB" (1 KB = 1.024 bytes).
    public static func bytes(_ count: Int, language: Language = .id) -> String {
        let kilobytes = Double(count) / 1024
        if kilobytes < 1024 { return number(max(1, kilobytes.rounded()), language: language) + " KB" }
        let megabytes = kilobytes / 1024
        let digits = megabytes < 10 && megabytes.rounded() != megabytes ? 1 : 0
        return number(megabytes, fractionDigits: digits, language: language) + " MB"
    }
}
