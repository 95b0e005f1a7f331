import BeaconCore
import Foundation

/// The product-basket port in SQL written once for SQLite and PostgreSQL: the order facts of
/// `SQLAnalyticsQueries` (people stitched the same way) joined to their events for the
/// `products` array alone.
public struct SQLProductBasketQueries: ProductBasketQueries {
    let driver: any SQLDriver

    public init(driver: any SQLDriver) {
        self.driver = driver
    }

    public func baskets(in workspaceId: String, from: Date?, to: Date?) async throws -> [OrderBasket] {
        let products = driver.dialect == .postgres
            ? "(e.payload->'properties'->'products')::text"
            : "json_extract(e.payload, '$.properties.products')"
        let sql =
            SQLAnalyticsQueries.people + """
                SELECT fact.person, fact.order_id, fact.message_id, fact.time, fact.amount, \(products) AS products
                FROM fact JOIN events e ON e.workspace_id = fact.workspace_id AND e.seq = fact.seq
                WHERE fact.kind = 'order'
                ORDER BY fact.time, fact.seq
                """
        return try await driver.query(sql, SQLAnalyticsQueries.peopleArguments(workspaceId, from, to)).map { row in
            let text = try row.optionalString("products")
            let json = try text.map { try JSONValue.parse(Data($0.utf8)) }
            return OrderBasket(
                person: try row.string("person"),
                orderId: try row.optionalString("order_id") ?? row.string("message_id"),
                time: try row.date("time"), amount: try row.optionalDouble("amount"),
                products: OrderProduct.lines(in: json))
        }
    }
}
