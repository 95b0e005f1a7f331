/// One product line of an order, as Segment's e-commerce spec carries it in the `products`
/// array of `Order Completed` (https://segment.com/docs/connections/spec/ecommerce/v2/#order-completed):
/// what recommendations count as an item bought.
///
/// The item is identified by `product_id`, else `sku`, else `name` (a number id is written
/// without a fraction when whole, so `85123` and `"85123"` are one item); a line with none of
/// them is not an item. `quantity` defaults to 1. Importers (`OrderFileImporter`, the Shopify
/// mapper) and the demo write these keys.
public struct OrderProduct: Sendable, Equatable, Hashable {
    /// The item's identity: `product_id`, else `sku`, else `name`.
    public var item: String
    public var name: String?
    public var category: String?
    public var quantity: Double
    public var price: Double?

    public init(item: String, name: String? = nil, category: String? = nil, quantity: Double = 1, price: Double? = nil) {
        self.item = item
        self.name = name
        self.category = category
        self.quantity = quantity
        self.price = price
    }

    /// The product lines of a `products` array; entries that are not objects or name no item
    /// are skipped.
    public static func lines(in products: JSONValue?) -> [OrderProduct] {
        (products?.arrayValue ?? []).compactMap { entry in
            guard let object = entry.objectValue else { return nil }
            let text = { (key: String) -> String? in
                switch object[key] {
                case .string(let s)? where !s.isEmpty: return s
                case .number(let n)? where n.isFinite:
                    return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
                default: return nil
                }
            }
            guard let item = text("product_id") ?? text("sku") ?? text("name") else { return nil }
            return OrderProduct(
                item: item, name: text("name"), category: text("category"),
                quantity: object["quantity"]?.doubleValue ?? 1, price: object["price"]?.doubleValue)
        }
    }
}
