import BeaconCore
import Foundation

/// A value bound to a statement or read from a row: the four kinds both backends share.
///
/// Dates are stored as milliseconds since 1970 (`INTEGER`/`BIGINT`), as every Beacon table does.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    public init(_ value: Int64?) { self = value.map(SQLValue.integer) ?? .null }
    public init(_ value: Date?) { self = value.map { .integer(Timestamp.milliseconds($0)) } ?? .null }
}

extension SQLValue {
    /// `n` comma-separated placeholders, for `IN (…)` over a list bound value by value.
    static func marks(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ",") }
}
