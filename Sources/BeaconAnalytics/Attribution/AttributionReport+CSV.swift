import BeaconCore
import Foundation

extension AttributionReport {
    /// The per-channel table as CSV: `channel`, then `<model>_conversions` and `<model>_value`
    /// for each model side by side, then each Markov model's removal effect.
    public func channelCSV() -> String {
        var header = ["channel"]
        for m in models { header += ["\(m.model)_conversions", "\(m.model)_value"] }
        for m in markov { header.append("markov_\(m.order)_removal_effect") }
        var lines = [header.map(Self.escape).joined(separator: ",")]
        for (c, channel) in channels.enumerated() {
            var row = [Self.escape(channel)]
            for m in models { row += [Self.number(m.conversions[c]), Self.number(m.value[c])] }
            for m in markov { row.append(Self.number(m.removalEffects[c])) }
            lines.append(row.joined(separator: ","))
        }
        var total = ["(total)"]
        for m in models { total += [Self.number(m.conversions.reduce(0, +)), Self.number(m.value.reduce(0, +))] }
        for _ in markov { total.append("") }
        lines.append(total.joined(separator: ","))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every Markov model's transitions as CSV: `order,from,to,count,probability`.
    public func transitionCSV() -> String {
        var lines = ["order,from,to,count,probability"]
        for m in markov {
            for t in m.transitions {
                let fields = ["\(m.order)", Self.escape(t.from), Self.escape(t.to), Self.number(t.count)]
                lines.append((fields + [Self.number(t.probability)]).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A field quoted per RFC 4180 when it holds a comma, quote or line break.
    static func escape(_ field: String) -> String {
        CSVRecord.field(field)
    }

    /// Shortest round-trip decimal form.
    static func number(_ x: Double) -> String { "\(x)" }
}
