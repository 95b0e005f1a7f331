/// The few real differences between the SQL Beacon sends to SQLite and to PostgreSQL.
///
/// Statements are written once with `?` placeholders and `ON CONFLICT … DO UPDATE SET x =
/// excluded.x` upserts, which both accept; PostgreSQL numbers its placeholders (`$1`, `$2`,
/// …). Column types differ only in the migrations (`INTEGER` against `BIGINT`, the events'
/// key), which keep one text per backend.
public enum SQLDialect: Sendable {
    case sqlite, postgres

    /// `sql` with each `?` outside quotes turned into this dialect's placeholder.
    public func placeholders(_ sql: String) -> String {
        guard self == .postgres else { return sql }
        var out = ""
        out.reserveCapacity(sql.count + 16)
        var n = 0
        var quote: Character?
        for c in sql {
            if let q = quote {
                if c == q { quote = nil }
                out.append(c)
            } else if c == "'" || c == "\"" {
                quote = c
                out.append(c)
            } else if c == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(c)
            }
        }
        return out
    }
}
