import BeaconCore
import Foundation

/// Maps Stripe events (https://docs.stripe.com/api/events/types) to Segment-spec events.
///
/// - `charge.succeeded` → `Order Completed`: `order_id` = the charge's `payment_intent` (else
///   its id), amount in major units (Stripe sends the smallest unit: cents, except zero-decimal
///   currencies such as JPY and three-decimal ones such as KWD —
///   https://docs.stripe.com/currencies#zero-decimal), user id = the Stripe customer
///   (`cus_…`), else an anonymous id `stripe-charge-<id>` with the billing email in
///   `context.traits`. Event id `stripe-charge-<charge id>`.
/// - `charge.refunded` → `Order Refunded` for the amount refunded by this event
///   (`amount_refunded` minus `previous_attributes.amount_refunded`).
/// - `customer.created`, `customer.updated` → `identify` (email, name, phone).
/// - `customer.subscription.created` / `.deleted` → `Subscription Started` / `Subscription Cancelled`;
///   `invoice.paid` → `Invoice Paid` (not revenue: the invoice's charge is the order).
/// Every other event id is `stripe-<evt id>`, which Stripe keeps across retries. Other types
/// are acknowledged and ignored.
public enum StripeWebhookMapper {
    public static let types = [
        "charge.succeeded", "charge.refunded", "customer.created", "customer.updated",
        "customer.subscription.created", "customer.subscription.deleted", "invoice.paid",
    ]
    static let zeroDecimal: Set = [
        "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
    ]
    static let threeDecimal: Set = ["bhd", "jod", "kwd", "omr", "tnd"]

    /// An amount in the smallest unit of `currency` as a number of major units.
    public static func majorUnits(_ minor: Double, currency: String?) -> Double {
        let code = currency?.lowercased() ?? ""
        if zeroDecimal.contains(code) { return minor }
        return minor / (threeDecimal.contains(code) ? 1_000 : 100)
    }

    public static func map(_ event: JSONValue, receivedAt: Date) throws -> WebhookMapping {
        guard let eventId = event["id"]?.stringValue, !eventId.isEmpty else {
            throw WebhookPayloadError(field: "id", reason: "missing")
        }
        guard let type = event["type"]?.stringValue else { throw WebhookPayloadError(field: "type", reason: "missing") }
        guard let object = event["data"]?["object"], object.objectValue != nil else {
            throw WebhookPayloadError(field: "data.object", reason: "missing")
        }
        let created = event["created"]?.doubleValue.map { Date(timeIntervalSince1970: $0) } ?? receivedAt
        let library: JSONValue = .object(["library": .object(["name": .string("beacon-stripe")])])
        switch type {
        case "charge.succeeded", "charge.refunded":
            guard let chargeId = object["id"]?.stringValue else {
                throw WebhookPayloadError(field: "data.object.id", reason: "missing")
            }
            let currency = object["currency"]?.stringValue
            let orderId = object["payment_intent"]?.stringValue ?? chargeId
            let customer = object["customer"]?.stringValue
            let email = object["billing_details"]?["email"]?.stringValue ?? object["receipt_email"]?.stringValue
            var context = library.objectValue!
            if let email { context["traits"] = .object(["email": .string(email)]) }
            let at = object["created"]?.doubleValue.map { Date(timeIntervalSince1970: $0) } ?? created
            if type == "charge.succeeded" {
                guard let minor = object["amount"]?.doubleValue else {
                    throw WebhookPayloadError(field: "data.object.amount", reason: "missing or not a number")
                }
                let properties = Order(
                    orderId: orderId, time: at, amount: majorUnits(minor, currency: currency), currency: currency?.uppercased()
                ).properties(extra: ["charge_id": .string(chargeId)])
                return WebhookMapping(
                    events: [
                        Event(
                            messageId: "stripe-charge-\(chargeId)", type: .track, userId: customer,
                            anonymousId: customer == nil ? "stripe-charge-\(chargeId)" : nil,
                            event: CommerceEvent.orderCompleted, timestamp: at, originalTimestamp: at,
                            receivedAt: receivedAt, properties: .object(properties), context: .object(context))
                    ],
                    orders: customer.map { [(orderId, $0)] } ?? [])
            }
            guard let total = object["amount_refunded"]?.doubleValue else {
                throw WebhookPayloadError(field: "data.object.amount_refunded", reason: "missing or not a number")
            }
            let before = event["data"]?["previous_attributes"]?["amount_refunded"]?.doubleValue ?? 0
            let properties = Refund(
                orderId: orderId, time: created, amount: majorUnits(total - before, currency: currency),
                currency: currency?.uppercased()
            ).properties(extra: ["charge_id": .string(chargeId)])
            return WebhookMapping(events: [
                Event(
                    messageId: "stripe-\(eventId)", type: .track, userId: customer,
                    anonymousId: customer == nil ? "stripe-charge-\(chargeId)" : nil, event: CommerceEvent.orderRefunded,
                    timestamp: created, originalTimestamp: created, receivedAt: receivedAt,
                    properties: .object(properties), context: .object(context))
            ])
        case "customer.created", "customer.updated":
            guard let id = object["id"]?.stringValue else { throw WebhookPayloadError(field: "data.object.id", reason: "missing") }
            var traits: [String: JSONValue] = [:]
            for key in ["email", "name", "phone"] { traits[key] = object[key]?.stringValue.map(JSONValue.string) }
            return WebhookMapping(events: [
                Event(
                    messageId: "stripe-\(eventId)", type: .identify, userId: id, timestamp: created,
                    receivedAt: receivedAt, traits: .object(traits), context: library)
            ])
        case "customer.subscription.created", "customer.subscription.deleted", "invoice.paid":
            guard let customer = object["customer"]?.stringValue else {
                throw WebhookPayloadError(field: "data.object.customer", reason: "missing")
            }
            var properties: [String: JSONValue] = [:]
            let name: String
            if type == "invoice.paid" {
                name = "Invoice Paid"
                properties["invoice_id"] = object["id"]
                properties["subscription_id"] = object["subscription"]
                let currency = object["currency"]?.stringValue
                properties["amount"] = object["amount_paid"]?.doubleValue.map { .number(majorUnits($0, currency: currency)) }
                properties["currency"] = currency.map { .string($0.uppercased()) }
            } else {
                name = type.hasSuffix("created") ? "Subscription Started" : "Subscription Cancelled"
                properties["subscription_id"] = object["id"]
                properties["status"] = object["status"]
                let item = object["items"]?["data"]?.arrayValue?.first
                properties["plan"] = item?["price"]?["id"] ?? item?["plan"]?["id"]
                properties["interval"] = item?["price"]?["recurring"]?["interval"]
                let currency = item?["price"]?["currency"]?.stringValue
                if let unit = item?["price"]?["unit_amount"]?.doubleValue {
                    let quantity = item?["quantity"]?.doubleValue ?? 1
                    properties["amount"] = .number(majorUnits(unit * quantity, currency: currency))
                }
                properties["currency"] = currency.map { .string($0.uppercased()) }
            }
            return WebhookMapping(events: [
                Event(
                    messageId: "stripe-\(eventId)", type: .track, userId: customer, event: name, timestamp: created,
                    receivedAt: receivedAt, properties: .object(properties.compactMapValues { $0 == .null ? nil : $0 }),
                    context: library)
            ])
        default:
            return WebhookMapping(ignored: "event type '\(type)' is not mapped (mapped: \(types.joined(separator: ", ")))")
        }
    }
}
