import BeaconCore
import Foundation

/// The ClickHouse table the log is loaded into: one row per event with typed columns for the
/// analytics queries (the event's commerce fact: kind, name, revenue, amount, channel, …) and
/// the whole event as compact JSON in `payload`.
///
/// `ReplacingMergeTree` ordered by `(workspace_id, seq)`: a batch loaded twice (a sink killed
/// after the insert, before its cursor moved) leaves two copies of its rows until a merge, and
/// queries read with `FINAL`, which collapses them, so answers never count an event twice. The
/// DDL avoids what ClickHouse 18.16 lacks (`DateTime64`, JSON functions) and is valid on current
/// releases too.
public enum ClickHouseEventTable {
    public static let name = "beacon_events"

    /// `CREATE TABLE IF NOT EXISTS` for the table.
    public static func createStatement(table: String = name) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(table) (
          workspace_id String, seq Int64, message_id String, type String, event_name String,
          user_id Nullable(String), anonymous_id Nullable(String), time_ms Int64, day Int32,
          fact_kind String, fact_name String, order_id Nullable(String), amount Nullable(Float64),
          revenue Nullable(Float64), spend_channel Nullable(String), channel Nullable(String),
          utm_source Nullable(String), utm_medium Nullable(String), utm_campaign Nullable(String),
          referrer Nullable(String), payload String
        ) ENGINE = ReplacingMergeTree() PARTITION BY intDiv(day, 32) ORDER BY (workspace_id, seq)
        """
    }

    /// One row of `JSONEachRow` for a stored event (`fact_kind` is "" for calls that are not
    /// commerce facts: identify, group, alias).
    public static func row(_ stored: StoredEvent) -> JSONValue {
        let event = stored.event
        let fact = CommerceFact(event, sequence: stored.sequence)
        func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        func number(_ d: Double?) -> JSONValue { d.map(JSONValue.number) ?? .null }
        return .object([
            "workspace_id": .string(stored.workspaceId), "seq": .number(Double(stored.sequence)),
            "message_id": .string(event.messageId), "type": .string(event.type.rawValue),
            "event_name": .string(event.event ?? ""), "user_id": text(event.userId),
            "anonymous_id": text(event.anonymousId), "time_ms": .number(Double(Timestamp.milliseconds(event.timestamp))),
            "day": .number(Double(CommerceFact.day(of: event.timestamp))),
            "fact_kind": .string(fact?.kind.rawValue ?? ""), "fact_name": .string(fact?.name ?? ""),
            "order_id": text(fact?.orderId), "amount": number(fact?.amount), "revenue": number(fact?.revenue),
            "spend_channel": text(fact?.spendChannel), "channel": text(fact?.touch.channel),
            "utm_source": text(fact?.touch.utmSource), "utm_medium": text(fact?.touch.utmMedium),
            "utm_campaign": text(fact?.touch.utmCampaign), "referrer": text(fact?.touch.referrer),
            "payload": .string(event.json.serialized()),
        ])
    }
}
