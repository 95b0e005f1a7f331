import Foundation

/// How a chart writes the numbers on its axes and in tooltips: a unit (money, percent,
/// plain count, a ratio with "×") and compact thousands/millions.
public enum ChartUnit: Sendable, Equatable {
    case money(symbol: String)
    case count
    case percent
    case ratio
    case days

    /// `value` written for an axis tick or a label: `$12.3k`, `1.2M`, `45%`, `8.2×`, `30 d`.
    public func format(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        switch self {
        case .money(let symbol): return (value < 0 ? "-" : "") + symbol + Self.compact(abs(value))
        case .count: return (value < 0 ? "-" : "") + Self.compact(abs(value))
        case .percent: return String(format: abs(value) < 0.1 && value != 0 ? "%.1f%%" : "%.0f%%", value * 100)
        case .ratio: return String(format: "%.1f×", value)
        case .days: return String(format: "%.0f d", value)
        }
    }

    /// `title` with the unit in brackets: "Revenue ($)", "Revenue (CHF)", "Share (%)"; a count's title as it is.
    public func axisTitle(_ title: String) -> String { axisSuffix.isEmpty ? title : "\(title) (\(axisSuffix))" }

    /// The unit's name for an axis title ("$", "CHF", "%").
    public var axisSuffix: String {
        switch self {
        case .money(let symbol): return symbol.trimmingCharacters(in: .whitespaces)
        case .count: return ""
        case .percent: return "%"
        case .ratio: return "×"
        case .days: return "days"
        }
    }

    /// 1234 → "1.2k", 1_500_000 → "1.5M", 12 → "12", 1.25 → "1.25".
    static func compact(_ v: Double) -> String {
        switch v {
        case 1e9...: return String(format: "%.1fB", v / 1e9)
        case 1e6..<1e9: return String(format: "%.1fM", v / 1e6)
        case 1e4..<1e6: return String(format: "%.0fk", v / 1e3)
        case 1e3..<1e4: return String(format: "%.1fk", v / 1e3)
        case 10..<1e3: return String(format: "%.0f", v)
        case 0: return "0"
        default: return String(format: "%.2g", v)
        }
    }
}
