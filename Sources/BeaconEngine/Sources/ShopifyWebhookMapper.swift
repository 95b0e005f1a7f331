import BeaconCore
import Foundation

/// Maps Shopify webhook topics to Segment e-commerce events, from the payload shapes of
/// Shopify's Admin REST API (https://shopify.dev/docs/api/admin-rest/latest/resources/webhook,
/// Order, Refund and Customer resources).
///
/// - `orders/create`, `orders/paid` → `Order Completed` (`order_id` = the order's `id`,
///   amount `total_price`, `currency`, `products` from `line_items`), user id = the customer's
///   id, email in `context.traits`; event id `shopify-order-<id>`, so the two topics and every
///   retry store the order once.
/// - `orders/updated` → one `Order Refunded` per entry of `refunds` (`shopify-refund-<id>`).
/// - `refunds/create` → `Order Refunded` for `order_id`; Shopify sends no customer with a
///   refund, so the customer remembered from the order is used (`shopify-order-<order_id>`
///   as an anonymous id when the order came before the source was connected).
/// - `customers/create`, `customers/update` → `identify` with email, name and phone.
/// A refund's amount is the sum of its successful `refund` transactions, else of its
/// `refund_line_items` subtotals. Other topics are acknowledged and ignored.
public enum ShopifyWebhookMapper {
    public static let topics = ["orders/create", "orders/paid", "orders/updated", "refunds/create", "customers/create", "customers/update"]

    public static func map(
        topic: String, payload: JSONValue, receivedAt: Date, customerOfOrder: (String) async throws -> String?
    ) async throws -> WebhookMapping {
        switch topic {
        case "orders/create", "orders/paid":
            return try order(payload, receivedAt: receivedAt)
        case "orders/updated":
            guard let orderId = payload["id"]?.idText else { throw WebhookPayloadError(field: "id", reason: "missing") }
            let customer = payload["customer"]?["id"]?.idText
            let refunds = try (payload["refunds"]?.arrayValue ?? []).map {
                try refund($0, orderId: orderId, customer: customer, email: email(payload), receivedAt: receivedAt)
            }
            return refunds.isEmpty
                ? WebhookMapping(ignored: "an order update without refunds changes nothing Beacon keeps")
                : WebhookMapping(events: refunds)
        case "refunds/create":
            guard let orderId = payload["order_id"]?.idText else {
                throw WebhookPayloadError(field: "order_id", reason: "missing")
            }
            let customer = try await customerOfOrder(orderId)
            return WebhookMapping(events: [
                try refund(payload, orderId: orderId, customer: customer, email: nil, receivedAt: receivedAt)
            ])
        case "customers/create", "customers/update":
            guard let id = payload["id"]?.idText else { throw WebhookPayloadError(field: "id", reason: "missing") }
            var traits: [String: JSONValue] = [:]
            traits["email"] = payload["email"]?.stringValue.map(JSONValue.string)
            traits["first_name"] = payload["first_name"]?.stringValue.map(JSONValue.string)
            traits["last_name"] = payload["last_name"]?.stringValue.map(JSONValue.string)
            traits["phone"] = payload["phone"]?.stringValue.map(JSONValue.string)
            let updated = payload["updated_at"]?.stringValue ?? ""
            return WebhookMapping(events: [
                Event(
                    messageId: "shopify-customer-\(id)-\(updated)", type: .identify, userId: id,
                    timestamp: time(payload["updated_at"], receivedAt), receivedAt: receivedAt, traits: .object(traits),
                    context: library)
            ])
        default:
            return WebhookMapping(ignored: "topic '\(topic)' is not mapped (mapped: \(topics.joined(separator: ", ")))")
        }
    }

    static let library: JSONValue = .object(["library": .object(["name": .string("beacon-shopify")])])

    static func email(_ order: JSONValue) -> String? {
        order["email"]?.stringValue ?? order["customer"]?["email"]?.stringValue
    }

    static func time(_ value: JSONValue?, _ fallback: Date) -> Date {
        value?.stringValue.flatMap { Timestamp.parse($0) } ?? fallback
    }

    static func context(email: String?) -> JSONValue {
        guard let email, !email.isEmpty else { return library }
        return .object(["library": library["library"]!, "traits": .object(["email": .string(email)])])
    }

    static func order(_ payload: JSONValue, receivedAt: Date) throws -> WebhookMapping {
        guard let id = payload["id"]?.idText else { throw WebhookPayloadError(field: "id", reason: "missing") }
        guard let amount = payload["total_price"]?.doubleValue, amount.isFinite else {
            throw WebhookPayloadError(field: "total_price", reason: "missing or not a number")
        }
        let customer = payload["customer"]?["id"]?.idText
        let products: [JSONValue] = (payload["line_items"]?.arrayValue ?? []).map { item in
            var p: [String: JSONValue] = [:]
            p["product_id"] = item["product_id"]?.idText.map(JSONValue.string)
            p["sku"] = item["sku"]?.stringValue.map(JSONValue.string)
            p["name"] = item["title"]?.stringValue.map(JSONValue.string)
            p["quantity"] = item["quantity"]?.doubleValue.map(JSONValue.number)
            p["price"] = item["price"]?.doubleValue.map(JSONValue.number)
            return .object(p)
        }
        let at = time(payload["created_at"], receivedAt)
        let properties = Order(orderId: id, time: at, amount: amount, currency: payload["currency"]?.stringValue)
            .properties(extra: ["products": .array(products)])
        let event = Event(
            messageId: "shopify-order-\(id)", type: .track, userId: customer,
            anonymousId: customer == nil ? "shopify-order-\(id)" : nil, event: CommerceEvent.orderCompleted,
            timestamp: at, originalTimestamp: at, receivedAt: receivedAt, properties: .object(properties),
            context: context(email: email(payload)))
        return WebhookMapping(events: [event], orders: customer.map { [(id, $0)] } ?? [])
    }

    static func refund(
        _ refund: JSONValue, orderId: String, customer: String?, email: String?, receivedAt: Date
    ) throws -> Event {
        guard let id = refund["id"]?.idText else { throw WebhookPayloadError(field: "refunds[].id", reason: "missing") }
        let transactions = (refund["transactions"]?.arrayValue ?? []).filter {
            $0["kind"]?.stringValue == "refund" && ($0["status"]?.stringValue ?? "success") == "success"
        }
        let amount: Double
        if !transactions.isEmpty {
            amount = transactions.reduce(0) { $0 + ($1["amount"]?.doubleValue ?? 0) }
        } else {
            amount = (refund["refund_line_items"]?.arrayValue ?? []).reduce(0) { $0 + ($1["subtotal"]?.doubleValue ?? 0) }
        }
        let at = time(refund["created_at"], receivedAt)
        let currency = transactions.first?["currency"]?.stringValue
        let properties = Refund(orderId: orderId, time: at, amount: amount, currency: currency).properties(extra: [:])
        return Event(
            messageId: "shopify-refund-\(id)", type: .track, userId: customer,
            anonymousId: customer == nil ? "shopify-order-\(orderId)" : nil, event: CommerceEvent.orderRefunded,
            timestamp: at, originalTimestamp: at, receivedAt: receivedAt, properties: .object(properties),
            context: context(email: email))
    }
}
