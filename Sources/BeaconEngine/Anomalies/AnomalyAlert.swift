import BeaconCore
import Foundation

/// One alert to send: an unusual day in a daily series (`AnomalyScan`) or a failed data check,
/// with the value seen, the value expected and the band of ordinary values.
///
/// Its outbox message (`message(workspaceId:destination:email:now:)`) has the idempotency key
/// of (`cause`, destination): `alert:<kind>:<series>@<day>`, so a flag is sent to a destination
/// once however often the scan runs, and a retry carries the same `webhook-id`.
public struct AnomalyAlert: Sendable, Equatable {
    /// What raised the alert.
    public enum Kind: String, Sendable {
        /// An unusual day found by STL and generalized ESD.
        case anomaly
        /// A data check that failed (spend without revenue, credits that do not add up, …).
        case check
    }

    public var kind: Kind
    /// The series or check (`revenue`, `orders`, `spend: Google Ads`, …).
    public var series: String
    /// `YYYY-MM-DD` (UTC).
    public var day: String
    public var value: Double
    public var expected: Double
    public var lower: Double
    public var upper: Double
    /// A failed check's finding in words (`DataChecks.Finding.sentence`); empty for an anomaly.
    public var detail: String

    public init(
        kind: Kind, series: String, day: String, value: Double, expected: Double, lower: Double, upper: Double,
        detail: String = ""
    ) {
        self.detail = detail
        self.kind = kind
        self.series = series
        self.day = day
        self.value = value
        self.expected = expected
        self.lower = lower
        self.upper = upper
    }

    /// `spike` above the band, `drop` below it.
    public var direction: String { value > upper ? "spike" : "drop" }

    /// What the alert says, in one sentence.
    public var text: String {
        if kind == .check { return "\(series) on \(day): \(detail)" }
        let f = { (x: Double) in String(format: "%.2f", x) }
        return
            "\(series) on \(day): \(f(value)), expected \(f(expected)) (ordinary \(f(lower))–\(f(upper))): a \(direction)"
    }

    /// Names the flag once: the message's cause and, with the destination, its idempotency key.
    public var cause: String { "alert:\(kind.rawValue):\(series)@\(day)" }

    /// The flags of `scan` on days at or after `sinceDay` (days since 1970-01-01), series by series.
    public static func alerts(from scan: AnomalyScan, sinceDay: Int) -> [AnomalyAlert] {
        scan.series.flatMap { s in
            s.flags.filter { s.firstDay + $0.index >= sinceDay }.map { f in
                AnomalyAlert(
                    kind: .anomaly, series: s.name, day: s.day(f.index), value: f.value, expected: f.expected,
                    lower: f.lower, upper: f.upper)
            }
        }
    }

    /// The failed checks of `checks` as alerts on `day` (`YYYY-MM-DD`, the last day checked):
    /// the series is the check's name (`spend_without_revenue`), the value what it found (days,
    /// models or orders), the expected value 0.
    public static func alerts(from checks: DataChecks, day: String) -> [AnomalyAlert] {
        checks.findings.map { f in
            AnomalyAlert(
                kind: .check, series: f.check.rawValue, day: day, value: Double(f.count), expected: 0, lower: 0, upper: 0,
                detail: f.sentence(money: { String(format: "%.2f", $0) }))
        }
    }

    /// The outbox message sending this alert to `destination`: a JSON body with `type`
    /// (`anomaly.flagged` or `check.failed`), the workspace, series, day, value, expected value
    /// and band, direction and text; with `email`, `profile.email` tells an email destination
    /// where to send it.
    public func message(workspaceId: String, destination: String, email: String?, now: Date) -> OutboxMessage {
        var body: [String: JSONValue] = [
            "type": .string(kind == .anomaly ? "anomaly.flagged" : "check.failed"),
            "timestamp": .string(Timestamp.format(now)), "workspace": .string(workspaceId), "series": .string(series),
            "day": .string(day), "value": .number(value), "expected": .number(expected), "lower": .number(lower),
            "upper": .number(upper), "direction": .string(direction), "text": .string(text),
        ]
        if let email { body["profile"] = .object(["email": .string(email)]) }
        return OutboxMessage(
            workspaceId: workspaceId, id: OutboxMessage.key(cause: cause, profile: "", destination: destination),
            destinationId: destination, orderKey: "alerts", cause: cause, payload: JSONValue.object(body).serialized(),
            nextAttemptAt: now, createdAt: now)
    }
}
