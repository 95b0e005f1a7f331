import BeaconCore
import Foundation

/// The analytics query port in SQL written once for SQLite and PostgreSQL, over the
/// `commerce_facts` and `identity_links` projection.
///
/// People are stitched in SQL as attribution stitches them: a fact's `user_id`, else the user
/// its `anonymous_id` was first linked to (by the lowest log position among the links inside
/// the range), else the `anonymous_id`. An order's channel touch is found with window
/// functions over each person's facts in time order, so only orders leave the database.
public struct SQLAnalyticsQueries: AnalyticsQueries {
    let driver: any SQLDriver

    public init(driver: any SQLDriver) {
        self.driver = driver
    }

    static let orderNames = "('\(CommerceEvent.orderCompleted)', '\(CommerceEvent.orderRefunded)')"

    /// Facts of one workspace in a range with `person` stitched; binds `workspace, from, to`
    /// twice (links, then facts).
    static let people = """
        WITH first_link AS (
          SELECT anonymous_id, MIN(seq) AS seq FROM identity_links
          WHERE workspace_id = ? AND time >= ? AND time < ? GROUP BY anonymous_id),
        link AS (
          SELECT l.anonymous_id, l.user_id FROM identity_links l
          JOIN first_link f ON l.anonymous_id = f.anonymous_id AND l.seq = f.seq
          WHERE l.workspace_id = ?),
        fact AS (
          SELECT c.*, COALESCE(c.user_id, link.user_id, c.anonymous_id) AS person
          FROM commerce_facts c LEFT JOIN link ON c.user_id IS NULL AND link.anonymous_id = c.anonymous_id
          WHERE c.workspace_id = ? AND c.time >= ? AND c.time < ?
            AND (c.user_id IS NOT NULL OR c.anonymous_id IS NOT NULL))
        """

    static func bounds(_ workspaceId: String, _ from: Date?, _ to: Date?) -> [SQLValue] {
        [
            .text(workspaceId), .integer(from.map(Timestamp.milliseconds) ?? Int64.min),
            .integer(to.map(Timestamp.milliseconds) ?? Int64.max),
        ]
    }

    static func peopleArguments(_ workspaceId: String, _ from: Date?, _ to: Date?) -> [SQLValue] {
        let b = bounds(workspaceId, from, to)
        return b + [.text(workspaceId)] + b
    }

    public func span(in workspaceId: String) async throws -> EventSpan {
        let rows = try await driver.query(
            "SELECT MIN(timestamp) AS first, MAX(timestamp) AS last, COUNT(*) AS events FROM events WHERE workspace_id = ?",
            [.text(workspaceId)])
        guard let row = rows.first else { return EventSpan(first: nil, last: nil, events: 0) }
        return EventSpan(
            first: try row.optionalDate("first"), last: try row.optionalDate("last"), events: try row.int("events"))
    }

    /// Window functions over each person's facts in time order (ties by `seq`), with no join,
    /// so the cost grows as n log n: `g` counts the visits with a source up to each row and `v`
    /// all visits (orders and refunds are not visits). For an order, the latest earlier visit
    /// with a source is the first row of its `(person, g)` group when `g > 0`; else, when there
    /// was an earlier visit (`v > 0`), that first visit said nothing about its source, so the
    /// channel touch is empty; else it is the order's own.
    public func orders(in workspaceId: String, from: Date?, to: Date?) async throws -> [OrderFact] {
        let touchColumns = ["utm_source", "utm_medium", "utm_campaign", "referrer", "touch_channel"]
        let firsts = touchColumns.map {
            "FIRST_VALUE(\($0)) OVER (PARTITION BY person, g ORDER BY time, seq) AS s_\($0)"
        }
        let chosen = touchColumns.map {
            "CASE WHEN g > 0 THEN s_\($0) WHEN v > 0 THEN NULL ELSE \($0) END AS c_\($0)"
        }
        let visit = "name NOT IN \(Self.orderNames)"
        let sql =
            Self.people + """
                ,
                counted AS (
                  SELECT fact.*,
                    SUM(CASE WHEN \(visit) AND has_source = 1 THEN 1 ELSE 0 END) OVER (
                      PARTITION BY person ORDER BY time, seq ROWS UNBOUNDED PRECEDING) AS g,
                    SUM(CASE WHEN \(visit) THEN 1 ELSE 0 END) OVER (
                      PARTITION BY person ORDER BY time, seq ROWS UNBOUNDED PRECEDING) AS v
                  FROM fact),
                decided AS (SELECT counted.*, \(firsts.joined(separator: ", ")) FROM counted)
                SELECT decided.*, \(chosen.joined(separator: ", ")) FROM decided
                WHERE name IN \(Self.orderNames)
                ORDER BY time, seq
                """
        return try await driver.query(sql, Self.peopleArguments(workspaceId, from, to)).map { row in
            OrderFact(
                fact: try Self.fact(row),
                channelTouch: Touch(
                    utmSource: try row.optionalString("c_utm_source"),
                    utmMedium: try row.optionalString("c_utm_medium"),
                    utmCampaign: try row.optionalString("c_utm_campaign"),
                    referrer: try row.optionalString("c_referrer"),
                    channel: try row.optionalString("c_touch_channel")))
        }
    }

    public func touches(in workspaceId: String, from: Date?, to: Date?) async throws -> [CommerceFact] {
        let sql = Self.people + " SELECT * FROM fact ORDER BY seq"
        return try await driver.query(sql, Self.peopleArguments(workspaceId, from, to)).map(Self.fact)
    }

    public func revenueByDay(in workspaceId: String, conversionEvents: Set<String>, from: Date?, to: Date?)
        async throws -> [DayRevenue]
    {
        guard !conversionEvents.isEmpty else { return [] }
        let names = conversionEvents.sorted()
        let sql = """
            SELECT day, SUM(revenue) AS revenue FROM commerce_facts
            WHERE workspace_id = ? AND time >= ? AND time < ? AND type = 'track' AND kind <> 'spend'
              AND revenue IS NOT NULL AND name IN (\(SQLValue.marks(names.count)))
            GROUP BY day ORDER BY day
            """
        return try await driver.query(sql, Self.bounds(workspaceId, from, to) + names.map(SQLValue.text)).map {
            DayRevenue(day: try $0.int("day"), revenue: try $0.double("revenue"))
        }
    }

    public func spendByDay(in workspaceId: String, from: Date?, to: Date?) async throws -> [DaySpend] {
        let sql = """
            SELECT day, spend_channel, SUM(amount) AS amount FROM commerce_facts
            WHERE workspace_id = ? AND time >= ? AND time < ? AND kind = 'spend'
            GROUP BY day, spend_channel ORDER BY day, spend_channel
            """
        return try await driver.query(sql, Self.bounds(workspaceId, from, to)).map {
            DaySpend(day: try $0.int("day"), channel: try $0.string("spend_channel"), amount: try $0.double("amount"))
        }
    }

    /// Events per day from the log's time index; orders, revenue and sign-ups per day from the
    /// facts (which hold no identify, group or alias call). A day is the floor of the millisecond
    /// time over a day's milliseconds, before 1970 too.
    public func activityByDay(in workspaceId: String, from: Date?, to: Date?) async throws -> [DayActivity] {
        let day = "((timestamp - CASE WHEN timestamp < 0 THEN 86399999 ELSE 0 END) / 86400000)"
        let counted = try await driver.query(
            """
            SELECT \(day) AS day, COUNT(*) AS events FROM events
            WHERE workspace_id = ? AND timestamp >= ? AND timestamp < ? GROUP BY \(day)
            """, Self.bounds(workspaceId, from, to))
        var days: [Int: DayActivity] = [:]
        for row in counted {
            let d = try row.int("day")
            days[d] = DayActivity(day: d, events: try row.int("events"))
        }
        let facts = try await driver.query(
            """
            SELECT day,
              SUM(CASE WHEN kind = 'order' THEN 1 ELSE 0 END) AS orders,
              SUM(CASE WHEN kind IN ('order', 'refund') THEN COALESCE(revenue, 0.0) ELSE 0.0 END) AS revenue,
              SUM(CASE WHEN kind = 'touch' AND type = 'track' AND name = ? THEN 1 ELSE 0 END) AS sign_ups
            FROM commerce_facts WHERE workspace_id = ? AND time >= ? AND time < ?
            GROUP BY day
            """, [.text(CommerceEvent.signedUp)] + Self.bounds(workspaceId, from, to))
        for row in facts {
            let d = try row.int("day")
            var a = days[d] ?? DayActivity(day: d, events: 0)
            a.orders = try row.int("orders")
            a.revenue = try row.double("revenue")
            a.signUps = try row.int("sign_ups")
            days[d] = a
        }
        return days.values.sorted { $0.day < $1.day }
    }

    /// A fact row (`commerce_facts` columns plus `person`).
    static func fact(_ row: SQLRow) throws -> CommerceFact {
        let kindText = try row.string("kind"), typeText = try row.string("type")
        guard let kind = CommerceFact.Kind(rawValue: kindText) else {
            throw StoreError(.corrupt, "column 'kind' holds '\(kindText)', not a fact kind")
        }
        guard let type = EventType(rawValue: typeText) else {
            throw StoreError(.corrupt, "column 'type' holds '\(typeText)', not an event type")
        }
        return CommerceFact(
            sequence: try row.int64("seq"), messageId: try row.string("message_id"), kind: kind, type: type,
            name: try row.string("name"), time: try row.date("time"), userId: try row.optionalString("user_id"),
            anonymousId: try row.optionalString("anonymous_id"), person: try row.optionalString("person"),
            orderId: try row.optionalString("order_id"), amount: try row.optionalDouble("amount"),
            revenue: try row.optionalDouble("revenue"),
            touch: Touch(
                utmSource: try row.optionalString("utm_source"), utmMedium: try row.optionalString("utm_medium"),
                utmCampaign: try row.optionalString("utm_campaign"), referrer: try row.optionalString("referrer"),
                channel: try row.optionalString("touch_channel")),
            spendChannel: try row.optionalString("spend_channel"))
    }
}
