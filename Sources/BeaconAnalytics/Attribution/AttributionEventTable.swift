/// Reads touch and conversion events from rows of an event table (a CSV export of tracked
/// events), for `AttributionJourneyBuilder`.
///
/// Columns (names are options): `user_id`, `timestamp`, `event` are required; `utm_source`,
/// `utm_medium`, `utm_campaign`, `referrer`, `channel` and `revenue` are optional and empty
/// fields mean "not set". Timestamps are Unix seconds or ISO 8601 date-times
/// (`2024-03-01T12:30:00Z`, fractional seconds and `±hh:mm` offsets allowed; no offset means
/// UTC; a bare date is midnight UTC), parsed without a formatter so millions of rows stay fast.
///
/// Errors (`AttributionInputError`) name the line and column: a missing required column, an
/// empty user or event name, an unreadable timestamp, a revenue that is not a finite number.
public enum AttributionEventTable {
    /// Column names.
    public struct Columns: Sendable, Hashable, Codable {
        public var userId = "user_id"
        public var timestamp = "timestamp"
        public var event = "event"
        public var utmSource = "utm_source"
        public var utmMedium = "utm_medium"
        public var utmCampaign = "utm_campaign"
        public var referrer = "referrer"
        public var channel = "channel"
        public var revenue = "revenue"

        public init() {}
    }

    /// Parses the rows into events.
    /// - Throws: `AttributionInputError` naming the line and column at fault.
    public static func events(header: [String], rows: [AttributionPathTable.Row], columns: Columns = Columns())
        throws -> [AttributionTouchEvent]
    {
        let lookup = AttributionColumnLookup(header: header)
        let column = lookup.index
        let require = lookup.require
        let user = try require(columns.userId)
        let time = try require(columns.timestamp)
        let name = try require(columns.event)
        let optional = [
            columns.utmSource, columns.utmMedium, columns.utmCampaign, columns.referrer, columns.channel,
        ].map(column)
        let revenue = column(columns.revenue)

        var events: [AttributionTouchEvent] = []
        events.reserveCapacity(rows.count)
        for row in rows {
            func field(_ index: Int?) -> String? {
                guard let index, index < row.fields.count else { return nil }
                let f = row.fields[index]
                return f.isEmpty ? nil : f
            }
            guard let userId = field(user) else {
                throw AttributionInputError(line: row.line, column: columns.userId, message: "the user id is empty")
            }
            guard let eventName = field(name) else {
                throw AttributionInputError(line: row.line, column: columns.event, message: "the event name is empty")
            }
            let rawTime = field(time) ?? ""
            guard let timestamp = parseTimestamp(rawTime) else {
                throw AttributionInputError(
                    line: row.line, column: columns.timestamp,
                    message: "'\(rawTime)' is not Unix seconds or an ISO 8601 date-time")
            }
            var amount: Double?
            if let raw = field(revenue) {
                guard let value = Double(raw), value.isFinite else {
                    throw AttributionInputError(
                        line: row.line, column: columns.revenue, message: "'\(raw)' is not a number")
                }
                amount = value
            }
            events.append(
                AttributionTouchEvent(
                    userId: userId, timestamp: timestamp, name: eventName, utmSource: field(optional[0]),
                    utmMedium: field(optional[1]), utmCampaign: field(optional[2]), referrer: field(optional[3]),
                    channel: field(optional[4]), revenue: amount))
        }
        return events
    }

    /// Unix seconds, or an ISO 8601 date or date-time, as seconds since 1970 (nil if neither).
    public static func parseTimestamp(_ text: String) -> Double? {
        if let seconds = Double(text), seconds.isFinite { return seconds }
        let b = Array(text.utf8)
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var v = 0
            for i in at..<(at + count) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b.count >= 10, let year = digits(0, 4), b[4] == 45, let month = digits(5, 2), b[7] == 45,
            let day = digits(8, 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year, month, day)) * 86_400
        var i = 10
        if i < b.count, b[i] == 84 || b[i] == 116 || b[i] == 32 {  // T, t or space
            guard let h = digits(i + 1, 2), b.count > i + 3, b[i + 3] == 58, let m = digits(i + 4, 2),
                h < 24, m < 60
            else { return nil }
            seconds += Double(h * 3600 + m * 60)
            i += 6
            if i < b.count, b[i] == 58 {
                guard let s = digits(i + 1, 2), s <= 60 else { return nil }
                seconds += Double(s)
                i += 3
                if i < b.count, b[i] == 46 || b[i] == 44 {  // fraction
                    var scale = 0.1
                    i += 1
                    while i < b.count, b[i] >= 48, b[i] <= 57 {
                        seconds += Double(b[i] - 48) * scale
                        scale /= 10
                        i += 1
                    }
                }
            }
            if i < b.count, b[i] == 90 || b[i] == 122 {  // Z
                i += 1
            } else if i < b.count, b[i] == 43 || b[i] == 45 {  // ±hh:mm or ±hhmm
                let sign = b[i] == 43 ? 1.0 : -1.0
                guard let oh = digits(i + 1, 2) else { return nil }
                var j = i + 3
                if j < b.count, b[j] == 58 { j += 1 }
                let om = digits(j, 2) ?? 0
                if digits(j, 2) != nil { j += 2 }
                seconds -= sign * Double(oh * 3600 + om * 60)
                i = j
            }
        }
        return i == b.count ? seconds : nil
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant, "chrono-Compatible
    /// Low-Level Date Algorithms", `days_from_civil`).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
