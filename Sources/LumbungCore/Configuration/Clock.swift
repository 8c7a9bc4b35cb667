import Foundation

/// Where "now" comes from. The application reads the time only through its clock, so that tests
/// can fix today (deadlines, ages, session expiry) instead of waiting for it.
public struct Clock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    public static let system = Clock { Date() }

    /// The calendar day in Kalimantan Utara (WITA, UTC+8), which deadlines and ages count in.
    public var today: CalendarDate { CalendarDate.inWITA(now()) }
}

extension CalendarDate {
    public static let witaTimeZone = TimeZone(identifier: "Asia/Makassar")!

    /// The day `instant` falls on in WITA.
    public static func inWITA(_ instant: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = witaTimeZone
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}
