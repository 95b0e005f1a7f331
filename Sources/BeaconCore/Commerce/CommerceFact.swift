import Foundation

/// One row of the analytics projection: what a `page`, `screen` or `track` event says as an
/// `Order`, a `Refund`, a `Spend` or a plain `Touch`, without its JSON payload.
///
/// The store writes one fact per stored event of those types in the same transaction as the
/// event (`commerce_facts`), and the analytics queries read only facts; the in-memory readers
/// (attribution on a list of events) build the same rows with `init?(_:sequence:)`, so both
/// paths count an event the same way. Identify, group and alias calls are not facts (they
/// only link identities: `IdentityLink`).
public struct CommerceFact: Sendable, Equatable {
    /// What the event is, commercially.
    public enum Kind: String, Sendable {
        case order, refund, spend, touch
    }

    /// The event's position in the log (its `seq`), which breaks ties between equal times.
    public var sequence: Int64
    public var messageId: String
    public var kind: Kind
    /// The Segment call (`track`, `page`, `screen`).
    public var type: EventType
    /// A track event's name, a page's or screen's name (else the call's type).
    public var name: String
    public var time: Date
    public var userId: String?
    public var anonymousId: String?
    /// The person as attribution stitches them (`userId`, else the user the `anonymousId` was
    /// linked to, else the `anonymousId`); set by readers that resolve identities.
    public var person: String?
    /// `order_id` of an order or refund.
    public var orderId: String?
    /// An order's amount as sent, a refund's magnitude (`Refund.amount`), a spend's amount.
    public var amount: Double?
    /// What the event adds to revenue when counted as a conversion (`CommerceEvent.revenue(of:)`).
    public var revenue: Double?
    /// Where the visit came from.
    public var touch: Touch
    /// The ad channel of a spend.
    public var spendChannel: String?

    public init(
        sequence: Int64, messageId: String, kind: Kind, type: EventType, name: String, time: Date,
        userId: String? = nil, anonymousId: String? = nil, person: String? = nil, orderId: String? = nil,
        amount: Double? = nil, revenue: Double? = nil, touch: Touch = Touch(), spendChannel: String? = nil
    ) {
        self.sequence = sequence
        self.messageId = messageId
        self.kind = kind
        self.type = type
        self.name = name
        self.time = time
        self.userId = userId
        self.anonymousId = anonymousId
        self.person = person
        self.orderId = orderId
        self.amount = amount
        self.revenue = revenue
        self.touch = touch
        self.spendChannel = spendChannel
    }

    /// The fact of a stored event at log position `sequence`; nil for calls that are not
    /// visits (identify, group, alias).
    public init?(_ event: Event, sequence: Int64) {
        guard let touch = Touch(event) else { return nil }
        let name = event.type == .track ? (event.event ?? "") : (event.name ?? event.type.rawValue)
        self.init(
            sequence: sequence, messageId: event.messageId, kind: .touch, type: event.type, name: name,
            time: event.timestamp, userId: event.userId, anonymousId: event.anonymousId,
            revenue: CommerceEvent.revenue(of: event), touch: touch)
        if let order = Order(event) {
            kind = .order
            orderId = order.orderId
            amount = order.amount
        } else if let refund = Refund(event) {
            kind = .refund
            orderId = refund.orderId
            amount = refund.amount
        } else if let spend = Spend(event) {
            kind = .spend
            amount = spend.amount
            spendChannel = spend.channel
        }
    }

    /// The UTC day the fact falls on, as days since 1970-01-01 (negative before).
    public var day: Int { Self.day(of: time) }

    /// Days since 1970-01-01 of `date`, UTC, rounded down.
    public static func day(of date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }

    /// Whether the touch says where the visit came from (campaign, referrer or channel).
    public var hasSource: Bool {
        [touch.utmSource, touch.utmMedium, touch.utmCampaign, touch.referrer, touch.channel].contains {
            !($0 ?? "").isEmpty
        }
    }
}

/// An anonymous id (or an alias's previous id) and the user it belongs to, as one event says:
/// how attribution stitches an anonymous first visit to the buyer it became.
public struct IdentityLink: Sendable, Equatable {
    public var anonymousId: String
    public var userId: String
    public var sequence: Int64
    public var time: Date

    public init(anonymousId: String, userId: String, sequence: Int64, time: Date) {
        self.anonymousId = anonymousId
        self.userId = userId
        self.sequence = sequence
        self.time = time
    }

    /// The links an event makes: an event carrying both `anonymousId` and `userId` links the
    /// two; an `alias` links its `previousId` to its `userId`.
    public static func links(in event: Event, sequence: Int64) -> [IdentityLink] {
        guard let user = event.userId else { return [] }
        var out: [IdentityLink] = []
        if let anonymous = event.anonymousId {
            out.append(IdentityLink(anonymousId: anonymous, userId: user, sequence: sequence, time: event.timestamp))
        }
        if event.type == .alias, let previous = event.previousId {
            out.append(IdentityLink(anonymousId: previous, userId: user, sequence: sequence, time: event.timestamp))
        }
        return out
    }
}
