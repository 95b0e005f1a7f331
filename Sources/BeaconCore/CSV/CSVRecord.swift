/// Writing CSV records (RFC 4180 §2): a field holding a comma, a quote or a line break is
/// quoted, with its quotes doubled. The one writer behind every CSV Beacon produces.
public enum CSVRecord {
    /// One field as written in a record.
    /// - Parameter protectingFormulas: prefix `'` to a text field a spreadsheet would run as a
    ///   formula (one starting with `=`, `+`, `-` or `@` that is not a number), for files people
    ///   open in Excel or Sheets (OWASP "CSV injection").
    public static func field(_ text: String, protectingFormulas: Bool = false) -> String {
        var value = text
        if protectingFormulas, let c = value.first, "=+-@".contains(c), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, without its line break.
    public static func line(_ fields: [String], protectingFormulas: Bool = false) -> String {
        fields.map { field($0, protectingFormulas: protectingFormulas) }.joined(separator: ",")
    }
}
