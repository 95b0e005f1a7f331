import Foundation

/// A field of an order line that a column map names (`--map field=Column,…`): the one
/// vocabulary every command reads, whether it imports orders into a workspace or analyses a file.
///
/// Names: `customer_id`, `order_id`, `timestamp`, `amount`, `quantity`, `price`,
/// `discount_percent`, `product_id`, `product_name`, `currency`, `country`. The shorter
/// spellings the file commands first took (`customer`, `order`, `date`, `discount-percent`)
/// are read as aliases of the same fields.
public enum OrderField: String, CaseIterable, Sendable {
    case customerId = "customer_id"
    case orderId = "order_id"
    case timestamp
    case amount
    case quantity
    case price
    case discountPercent = "discount_percent"
    case productId = "product_id"
    case productName = "product_name"
    case currency
    case country

    /// Earlier spellings, read as the field they name.
    public static let aliases: [String: OrderField] = [
        "customer": .customerId, "order": .orderId, "date": .timestamp, "discount-percent": .discountPercent,
    ]

    /// The field a map spells `name` (case-insensitive; aliases included), nil when there is none.
    public init?(spelling name: String) {
        let key = name.lowercased()
        guard let field = OrderField(rawValue: key) ?? Self.aliases[key] else { return nil }
        self = field
    }

    /// Parses `field=Column` pairs separated by commas into the columns of the `accepted`
    /// fields (a later pair for the same field wins).
    /// - Throws: `OrderFieldMapError` naming the malformed pair or the field that is not one
    ///   of `accepted`.
    public static func parseMap(_ spec: String, accepted: [OrderField]) throws -> [OrderField: String] {
        var columns: [OrderField: String] = [:]
        for pair in spec.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw OrderFieldMapError("'\(pair)' is not field=Column")
            }
            guard let field = OrderField(spelling: parts[0]), accepted.contains(field) else {
                throw OrderFieldMapError(
                    "unknown field '\(parts[0])'; fields are \(accepted.map(\.rawValue).joined(separator: ", "))")
            }
            columns[field] = parts[1]
        }
        return columns
    }
}

/// A column map that cannot be read, and why.
public struct OrderFieldMapError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
