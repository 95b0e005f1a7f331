import BeaconCore

/// Which CSV columns hold an order line's fields, from `--map customer_id=…,order_id=…`
/// (`OrderField`'s vocabulary; `customer`, `order` and `date` are read as aliases).
///
/// Required: `customer_id`, `order_id`, `timestamp`, and either `amount` (the line total)
/// or both `quantity` and `price`. Optional: `product_id`, `product_name`, `currency`
/// (a column), `country`. Unmapped fields are looked up by their own name and by common
/// spellings (`CustomerID`, `InvoiceNo`, `InvoiceDate`, `UnitPrice`, …), case-insensitively.
public struct OrderColumnMap: Sendable, Equatable {
    public static let fields = accepted.map(\.rawValue)
    /// The order-line fields an import reads (`OrderField`'s vocabulary, shared with the file commands).
    static let accepted: [OrderField] = [
        .customerId, .orderId, .timestamp, .amount, .quantity, .price, .productId, .productName, .currency, .country,
    ]
    static let aliases: [String: [String]] = [
        "customer_id": ["customer_id", "CustomerID", "Customer ID", "customer"],
        "order_id": ["order_id", "InvoiceNo", "Invoice", "Order ID", "order"],
        "timestamp": ["timestamp", "InvoiceDate", "Order Date", "date"],
        "amount": ["amount", "total", "revenue"],
        "quantity": ["quantity", "Quantity", "qty"],
        "price": ["price", "UnitPrice", "unit_price", "Price"],
        "product_id": ["product_id", "StockCode", "Product Id", "sku"],
        "product_name": ["product_name", "Description", "name"],
        "currency": ["currency"],
        "country": ["country", "Country"],
    ]

    /// Field name → column name, as given on the command line.
    public var explicit: [String: String]

    /// Parses `customer_id=CustomerID,order_id=InvoiceNo,…`.
    /// - Throws: `ImportError` naming an unknown field or a malformed pair.
    public init(parsing spec: String?) throws {
        explicit = [:]
        guard let spec, !spec.isEmpty else { return }
        do {
            for (field, column) in try OrderField.parseMap(spec, accepted: Self.accepted) {
                explicit[field.rawValue] = column
            }
        } catch let error as OrderFieldMapError {
            throw ImportError("--map: \(error.message)")
        }
    }

    /// Column indices for a header.
    /// - Throws: `ImportError` naming the missing field and the columns the file has.
    func resolve(header: [String]) throws -> [String: Int] {
        func find(_ name: String) -> Int? {
            header.firstIndex(of: name) ?? header.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
        }
        var out: [String: Int] = [:]
        for field in Self.fields {
            if let column = explicit[field] {
                guard let i = find(column) else {
                    throw ImportError("--map \(field)=\(column): column '\(column)' not found; the file has: \(header.joined(separator: ", "))")
                }
                out[field] = i
            } else if let i = Self.aliases[field]?.lazy.compactMap(find).first {
                out[field] = i
            }
        }
        for field in ["customer_id", "order_id", "timestamp"] where out[field] == nil {
            throw ImportError("no column for '\(field)': pass --map \(field)=COLUMN; the file has: \(header.joined(separator: ", "))")
        }
        if out["amount"] == nil, out["quantity"] == nil || out["price"] == nil {
            throw ImportError("no column for 'amount' (or 'quantity' and 'price'): pass --map amount=COLUMN")
        }
        return out
    }
}
