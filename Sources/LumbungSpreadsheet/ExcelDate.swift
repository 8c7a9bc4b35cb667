/// Excel date serial numbers and date number formats.
enum ExcelDate {
    /// "YYYY-MM-DD" for a serial day number (time of day dropped), or nil when the number is not
    /// a plausible date (below 1, or past 9999-12-31). In the 1900 system serial 1 is 1900-01-01
    /// and serial 60 is Excel's phantom 1900-02-29; in the 1904 system serial 0 is 1904-01-01.
    static func isoDate(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite else { return nil }
        // Round to the millisecond first, as Excel does, so 43831.99999999999 is the next day.
        let day = Int(((serial * 86_400_000).rounded() / 86_400_000).rounded(.down))
        let unixDay: Int
        if date1904 {
            guard day >= 0, day <= 2_957_003 else { return nil }
            unixDay = day - 24_107
        } else {
            guard day >= 1, day <= 2_958_465 else { return nil }
            if day == 60 { return "1900-02-29" }
            unixDay = day < 60 ? day - 25_568 : day - 25_569
        }
        let (year, month, dayOfMonth) = civil(fromUnixDay: unixDay)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(dayOfMonth, 2)
    }

    /// Proleptic Gregorian date from days since 1970-01-01 (H. Hinnant's algorithm).
    private static func civil(fromUnixDay days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Whether a number format shows a date: built-in ids 14-22 and 45-47, or a custom format
    /// code with day, month or year parts (not only a time such as "h:mm" or "mm:ss").
    static func isDateFormat(id: Int, custom: [Int: String]) -> Bool {
        if let code = custom[id] { return isDateFormatCode(code) }
        return (14...22).contains(id) || (45...47).contains(id)
    }

    static func isDateFormatCode(_ code: String) -> Bool {
        var hasDay = false, hasMonthOrMinute = false, hasYear = false, hasHour = false, hasSecond = false
        var iterator = code.lowercased().unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            switch scalar {
            case "\"": // quoted literal text
                while let next = iterator.next(), next != "\"" {}
            case "[": // colour, condition, locale ([$-421]) or elapsed time ([h])
                var inside = ""
                while let next = iterator.next(), next != "]" { inside.unicodeScalars.append(next) }
                if inside == "h" || inside == "hh" { hasHour = true }
                if inside == "s" || inside == "ss" { hasSecond = true }
            case "\\", "_", "*": // escaped character, padding, fill
                _ = iterator.next()
            case "d": hasDay = true
            case "y": hasYear = true
            case "m": hasMonthOrMinute = true
            case "h": hasHour = true
            case "s": hasSecond = true
            default: break
            }
        }
        if hasDay || hasYear { return true }
        return hasMonthOrMinute && !hasHour && !hasSecond
    }
}
