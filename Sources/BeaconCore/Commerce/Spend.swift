import Foundation

/// One channel's advertising spend on one day: an `Ad Spend` track event, as marketing-mix
/// models read it and `beacon import spend` writes it.
///
/// The Segment spec defines no spend event, so Beacon uses its own, shaped like the e-commerce
/// ones (https://segment.com/docs/connections/spec/ecommerce/v2/): `channel` (the ad channel's
/// name, e.g. `google_ads`), `spend` (the amount, in the workspace's currency unless `currency`
/// says otherwise) and `date` (`YYYY-MM-DD`, UTC; the event's timestamp is that day's midnight).
/// An event without a channel or a numeric spend is not spend.
public struct Spend: Sendable, Equatable {
    public var channel: String
    /// The day, as midnight UTC.
    public var day: Date
    public var amount: Double
    public var currency: String?

    public init(channel: String, day: Date, amount: Double, currency: String? = nil) {
        self.channel = channel
        self.day = day
        self.amount = amount
        self.currency = currency
    }

    /// The spend in a stored event; nil unless it is an `Ad Spend` track call with a `channel`
    /// and a numeric (or numeric-string) `spend`.
    public init?(_ event: Event) {
        guard let properties = CommerceEvent.trackProperties(event, named: CommerceEvent.adSpend),
            let channel = properties[CommerceEvent.Key.channel]?.stringValue,
            let amount = properties[CommerceEvent.Key.spend]?.doubleValue, amount.isFinite
        else { return nil }
        self.init(
            channel: channel, day: event.timestamp, amount: amount,
            currency: properties[CommerceEvent.Key.currency]?.stringValue)
    }

    /// The `Ad Spend` event for this spend; its message id is fixed by (day, channel), so
    /// importing the same spend file twice stores it once.
    public func event(receivedAt: Date = Date()) -> Event {
        let dayText = String(Timestamp.format(day).prefix(10))
        var properties: [String: JSONValue] = [
            CommerceEvent.Key.channel: .string(channel), CommerceEvent.Key.spend: .number(amount),
            CommerceEvent.Key.date: .string(dayText),
        ]
        properties[CommerceEvent.Key.currency] = currency.map(JSONValue.string)
        return Event(
            messageId: "spend:\(dayText):\(channel)", type: .track, anonymousId: "ad-platform:\(channel)",
            event: CommerceEvent.adSpend, timestamp: day, originalTimestamp: day,
            receivedAt: Timestamp.truncated(receivedAt), properties: .object(properties))
    }
}
