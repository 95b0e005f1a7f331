import BeaconCore
import Foundation

/// One result row, read by column name so a query's column order never matters.
///
/// Every accessor throws `StoreError.corrupt` naming the column when it is missing or holds
/// another kind of value, so a schema mismatch reads as an error and not as a wrong number.
public struct SQLRow: Sendable, Equatable {
    public var values: [String: SQLValue]

    public init(_ values: [String: SQLValue]) {
        self.values = values
    }

    public func string(_ column: String) throws -> String {
        guard case .text(let s) = try value(column) else { throw mismatch(column, "text") }
        return s
    }

    public func optionalString(_ column: String) throws -> String? {
        if case .null = try value(column) { return nil }
        return try string(column)
    }

    public func int64(_ column: String) throws -> Int64 {
        guard case .integer(let i) = try value(column) else { throw mismatch(column, "an integer") }
        return i
    }

    public func int(_ column: String) throws -> Int { Int(try int64(column)) }

    public func optionalInt64(_ column: String) throws -> Int64? {
        if case .null = try value(column) { return nil }
        return try int64(column)
    }

    /// A number; an integer column reads as its value.
    public func double(_ column: String) throws -> Double {
        switch try value(column) {
        case .real(let d): return d
        case .integer(let i): return Double(i)
        default: throw mismatch(column, "a number")
        }
    }

    public func optionalDouble(_ column: String) throws -> Double? {
        if case .null = try value(column) { return nil }
        return try double(column)
    }

    /// A date stored as milliseconds since 1970.
    public func date(_ column: String) throws -> Date { Timestamp.date(milliseconds: try int64(column)) }

    public func optionalDate(_ column: String) throws -> Date? {
        try optionalInt64(column).map(Timestamp.date(milliseconds:))
    }

    private func value(_ column: String) throws -> SQLValue {
        guard let v = values[column] else { throw StoreError(.corrupt, "the result has no column '\(column)'") }
        return v
    }

    private func mismatch(_ column: String, _ expected: String) -> StoreError {
        StoreError(.corrupt, "column '\(column)' should hold \(expected), found \(values[column] ?? .null)")
    }
}
