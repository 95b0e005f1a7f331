import BeaconCore

/// One line of an order log: who bought, when, in which order, and for how much.
///
/// The input of RFM, k-means features and cohorts. `amount` is the line's net money value;
/// a negative amount is a return or cancellation and is subtracted from the customer's
/// spend. Lines with the same `orderID` belong to one order; a nil `orderID` makes every
/// line its own order. `day` is a day number (see `OrderDay`), so the models need no clock
/// or time zone.
public struct OrderRecord: Sendable, Equatable {
    public var customerID: String
    public var orderID: String?
    public var day: Int
    public var amount: Double

    public init(customerID: String, orderID: String? = nil, day: Int, amount: Double) {
        self.customerID = customerID
        self.orderID = orderID
        self.day = day
        self.amount = amount
    }
}

/// A calendar date in the proleptic Gregorian calendar, convertible to a day number
/// (days since 1970-01-01), without Foundation's time zones.
///
/// Conversions follow Hinnant, "chrono-Compatible Low-Level Date Algorithms"
/// (`days_from_civil` / `civil_from_days`), exact for every representable year.
public struct OrderDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A validated date; nil when the month or day is out of range (e.g. 2023-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of a day number (0 = 1970-01-01).
    public init(dayNumber: Int) {
        (year, month, day) = CivilCalendar.civil(dayNumber: dayNumber)
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int { CivilCalendar.dayNumber(year: year, month: month, day: day) }

    /// Months since January of year 0, so that month differences are a subtraction.
    public var monthIndex: Int { year * 12 + (month - 1) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(y)-\(m)-\(d)"
    }

    /// `YYYY-MM`, the label of an acquisition-month cohort.
    public var monthLabel: String { String(description.prefix(7)) }

    public static func < (a: OrderDay, b: OrderDay) -> Bool { a.dayNumber < b.dayNumber }

}
