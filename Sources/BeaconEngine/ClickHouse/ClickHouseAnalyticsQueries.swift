import BeaconCore
import BeaconStore
import Foundation

/// The analytics query port answered by ClickHouse from the table `ClickHouseSink` loads.
///
/// `span`, `revenueByDay`, `spendByDay` and `activityByDay` are aggregated in ClickHouse with the same
/// definitions as `SQLAnalyticsQueries` (the commerce facts of `CommerceFact`, half-open time
/// ranges in milliseconds, UTC days), reading with `FINAL` so a batch loaded twice counts once.
/// `orders` and `touches` need identity stitching with window functions, which ClickHouse 18.16
/// lacks: they throw `ClickHouseError` until a per-person formulation lands.
public struct ClickHouseAnalyticsQueries: AnalyticsQueries {
    public let client: ClickHouseClient
    public let table: String

    public init(client: ClickHouseClient, table: String = ClickHouseEventTable.name) {
        self.client = client
        self.table = table
    }

    public func span(in workspaceId: String) async throws -> EventSpan {
        let rows = try await client.rows(
            "SELECT min(time_ms), max(time_ms), count() FROM \(table) FINAL WHERE workspace_id = \(ClickHouseSQL.quote(workspaceId))")
        guard let row = rows.first, row.count == 3, let count = Int(row[2]), count > 0,
            let first = Int64(row[0]), let last = Int64(row[1])
        else { return EventSpan(first: nil, last: nil, events: 0) }
        return EventSpan(
            first: Timestamp.date(milliseconds: first), last: Timestamp.date(milliseconds: last), events: count)
    }

    public func orders(in workspaceId: String, from: Date?, to: Date?) async throws -> [OrderFact] {
        throw unsupported("orders")
    }

    public func touches(in workspaceId: String, from: Date?, to: Date?) async throws -> [CommerceFact] {
        throw unsupported("touches")
    }

    public func revenueByDay(in workspaceId: String, conversionEvents: Set<String>, from: Date?, to: Date?)
        async throws -> [DayRevenue]
    {
        guard !conversionEvents.isEmpty else { return [] }
        let names = conversionEvents.sorted().map(ClickHouseSQL.quote).joined(separator: ", ")
        let rows = try await client.rows(
            """
            SELECT day, sum(revenue) FROM \(table) FINAL
            WHERE \(bounds(workspaceId, from, to)) AND type = 'track' AND fact_kind NOT IN ('', 'spend')
              AND isNotNull(revenue) AND fact_name IN (\(names))
            GROUP BY day ORDER BY day
            """)
        return try rows.map { row in
            guard row.count == 2, let day = Int(row[0]), let revenue = Double(row[1]) else {
                throw ClickHouseError(statement: "revenueByDay", status: 200, message: "unexpected row \(row)")
            }
            return DayRevenue(day: day, revenue: revenue)
        }
    }

    public func spendByDay(in workspaceId: String, from: Date?, to: Date?) async throws -> [DaySpend] {
        let rows = try await client.rows(
            """
            SELECT day, ifNull(spend_channel, ''), sum(amount) FROM \(table) FINAL
            WHERE \(bounds(workspaceId, from, to)) AND fact_kind = 'spend'
            GROUP BY day, spend_channel ORDER BY day, spend_channel
            """)
        return try rows.map { row in
            guard row.count == 3, let day = Int(row[0]), let amount = Double(row[2]) else {
                throw ClickHouseError(statement: "spendByDay", status: 200, message: "unexpected row \(row)")
            }
            return DaySpend(day: day, channel: row[1], amount: amount)
        }
    }

    public func activityByDay(in workspaceId: String, from: Date?, to: Date?) async throws -> [DayActivity] {
        let rows = try await client.rows(
            """
            SELECT day, count(), countIf(fact_kind = 'order'),
              sumIf(ifNull(revenue, 0), fact_kind IN ('order', 'refund')),
              countIf(fact_kind = 'touch' AND type = 'track' AND fact_name = \(ClickHouseSQL.quote(CommerceEvent.signedUp)))
            FROM \(table) FINAL WHERE \(bounds(workspaceId, from, to))
            GROUP BY day ORDER BY day
            """)
        return try rows.map { row in
            guard row.count == 5, let day = Int(row[0]), let events = Int(row[1]), let orders = Int(row[2]),
                let revenue = Double(row[3]), let signUps = Int(row[4])
            else {
                throw ClickHouseError(statement: "activityByDay", status: 200, message: "unexpected row \(row)")
            }
            return DayActivity(day: day, events: events, orders: orders, revenue: revenue, signUps: signUps)
        }
    }

    /// The workspace and the half-open time range `[from, to)` in milliseconds.
    func bounds(_ workspaceId: String, _ from: Date?, _ to: Date?) -> String {
        var clause = "workspace_id = \(ClickHouseSQL.quote(workspaceId))"
        if let from { clause += " AND time_ms >= \(Timestamp.milliseconds(from))" }
        if let to { clause += " AND time_ms < \(Timestamp.milliseconds(to))" }
        return clause
    }

    func unsupported(_ query: String) -> ClickHouseError {
        ClickHouseError(
            statement: query, status: 0,
            message: "'\(query)' is not answered by the ClickHouse backend yet; read it from SQLite or PostgreSQL")
    }
}
