import Foundation

/// How the pages write dates, amounts and changes.
enum DashboardFormat {
    /// `2025-03-14` (UTC).
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// `$12,345` with thousands separators and no cents (amounts on cards and tables), after
    /// `symbol` (a `DashboardCurrency`'s).
    static func money(_ value: Double, symbol: String) -> String {
        guard value.isFinite else { return "–" }
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0
        formatter.locale = Locale(identifier: "en_US")
        return (value < 0 ? "-" : "") + symbol + (formatter.string(from: NSNumber(value: abs(value).rounded())) ?? "0")
    }

    /// `12,345`.
    static func count(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US")
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    /// `34.5%` of a share in 0…1.
    static func percent(_ share: Double, digits: Int = 1) -> String {
        guard share.isFinite else { return "–" }
        return String(format: "%.\(digits)f%%", share * 100)
    }

    /// `8.2×`.
    static func ratio(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        return String(format: "%.2f×", value)
    }

    /// Period-over-period change of `current` against `previous`: ("+12.3% vs previous 30 days",
    /// "up"/"down"/"flat"), or nil when there is no previous value to compare with.
    static func change(_ current: Double, _ previous: Double, period: String) -> (text: String, direction: String)? {
        guard previous != 0, previous.isFinite, current.isFinite else { return nil }
        let rel = (current - previous) / abs(previous)
        let direction = abs(rel) < 0.005 ? "flat" : rel > 0 ? "up" : "down"
        let arrow = direction == "up" ? "▲" : direction == "down" ? "▼" : "▶"
        return (String(format: "%@ %+.1f%% vs %@", arrow, rel * 100, period), direction)
    }
}
