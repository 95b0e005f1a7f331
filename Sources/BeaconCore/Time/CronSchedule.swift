import Foundation

/// A five-field cron expression (`minute hour day-of-month month day-of-week`), read once and
/// asked for its next run time in an IANA time zone (`next(after:in:)`, `CronSchedule+Next`).
///
/// Each field is `*`, a number, a range `a-b`, a step `*/n` or `a-b/n`, or a comma list of
/// those; months take `jan`…`dec` and weekdays `sun`…`sat` (any case), and weekday 7 is Sunday
/// as 0 is. As in Vixie cron and PyPI `croniter`, when both the day of month and the day of
/// week are restricted (written other than `*`, so `*/1` and `0-7` count as restricted) a day
/// matches either of them. Extensions (`L`, `W`, `#`, `?`, seconds, years) are
/// refused, as is a day of month no allowed month has (`30 2`), which would never run.
public struct CronSchedule: Sendable, Equatable, CustomStringConvertible {
    /// The expression as given (trimmed, fields separated by single spaces).
    public let expression: String
    /// Allowed values of each field, as bit sets (bit n set: value n allowed).
    let minutes: UInt64
    let hours: UInt64
    let days: UInt64
    let months: UInt64
    /// Weekdays 0 (Sunday) … 6 (Saturday); 7 is folded into 0.
    let weekdays: UInt64
    /// Whether the day-of-month and day-of-week fields restrict anything (not `*`).
    let daysRestricted: Bool
    let weekdaysRestricted: Bool

    public var description: String { expression }

    /// The fields in order, with their ranges and names.
    static let fields: [(name: String, range: ClosedRange<Int>, names: [String])] = [
        ("minute", 0...59, []), ("hour", 0...23, []), ("day of month", 1...31, []),
        ("month", 1...12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        ("day of week", 0...7, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ]

    /// Reads `expression`.
    /// - Throws: `CronScheduleError` naming the field (`minute`, `hour`, `day of month`, `month`,
    ///   `day of week`) and the 1-based column of the expression where the bad part starts.
    public init(parsing expression: String) throws {
        var parts: [(text: Substring, column: Int)] = []
        var index = expression.startIndex
        var column = 1
        while index < expression.endIndex {
            if expression[index] == " " || expression[index] == "\t" {
                index = expression.index(after: index)
                column += 1
                continue
            }
            let start = index
            let startColumn = column
            while index < expression.endIndex, expression[index] != " ", expression[index] != "\t" {
                index = expression.index(after: index)
                column += 1
            }
            parts.append((expression[start..<index], startColumn))
        }
        guard parts.count == 5 else {
            throw CronScheduleError(
                field: parts.count > 5 ? Self.fields[4].name : "expression",
                column: parts.count > 5 ? parts[5].column : max(1, expression.count),
                message: "a cron expression has 5 fields (minute hour day-of-month month day-of-week), this one has \(parts.count)")
        }
        var sets: [UInt64] = []
        for (i, part) in parts.enumerated() {
            let field = Self.fields[i]
            var set = try Self.parseField(part.text, column: part.column, field: field)
            if i == 4, set & (1 << 7) != 0 { set = (set | 1) & ~(1 << 7) }
            sets.append(set)
        }
        self.expression = parts.map { String($0.text) }.joined(separator: " ")
        minutes = sets[0]
        hours = sets[1]
        days = sets[2]
        months = sets[3]
        weekdays = sets[4]
        // As croniter decides day-of-month OR day-of-week: only a field written `*` leaves it to the other.
        daysRestricted = parts[2].text != "*"
        weekdaysRestricted = parts[4].text != "*"
        // A day of month that no allowed month has never runs (unless the weekday can match).
        if daysRestricted && !weekdaysRestricted {
            let longest: Int = (1...12).filter { months & (1 << UInt64($0)) != 0 }.map { Self.maxDays(month: $0) }.max() ?? 0
            guard (1...longest).contains(where: { days & (1 << UInt64($0)) != 0 }) else {
                throw CronScheduleError(
                    field: Self.fields[2].name, column: parts[2].column,
                    message: "no allowed month has day \(parts[2].text), so the schedule would never run")
            }
        }
    }

    /// The most days `month` can have (29 for February).
    static func maxDays(month: Int) -> Int { [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] }

    /// One field: a comma list of `*`, `n`, `a-b`, each with an optional `/step`.
    private static func parseField(
        _ text: Substring, column: Int, field: (name: String, range: ClosedRange<Int>, names: [String])
    ) throws -> UInt64 {
        var set: UInt64 = 0
        var itemColumn = column
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            func fail(_ message: String) -> CronScheduleError {
                CronScheduleError(field: field.name, column: itemColumn, message: message)
            }
            guard !item.isEmpty else { throw fail("has an empty list item") }
            let pieces = item.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            var step = 1
            if pieces.count == 2 {
                guard let s = Int(pieces[1]), s >= 1, s <= field.range.upperBound + 1 else {
                    throw fail("step '\(pieces[1])' must be a whole number from 1 to \(field.range.upperBound + 1)")
                }
                step = s
            }
            let base = pieces[0]
            var low: Int
            var high: Int
            if base == "*" {
                low = field.range.lowerBound
                high = field.range.upperBound
            } else {
                let bounds = base.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
                func value(_ t: Substring) throws -> Int {
                    if !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t) {
                        guard field.range.contains(n) else {
                            throw fail("\(n) is out of range \(field.range.lowerBound)-\(field.range.upperBound)")
                        }
                        return n
                    }
                    if let i = field.names.firstIndex(of: t.lowercased()) {
                        return field.name == "month" ? i + 1 : i
                    }
                    throw fail("'\(t)' is not a number\(field.names.isEmpty ? "" : " or a name (\(field.names.joined(separator: ", ")))")")
                }
                low = try value(bounds[0])
                high = bounds.count == 2 ? try value(bounds[1]) : low
                guard low <= high else { throw fail("range \(base) runs backwards") }
                // `n/step` means n to the end of the range, as in croniter.
                if bounds.count == 1 && pieces.count == 2 { high = field.range.upperBound }
            }
            for v in stride(from: low, through: high, by: step) { set |= 1 << UInt64(v) }
            itemColumn += item.count + 1
        }
        return set
    }

    /// Whether the schedule runs at a local time `hour:minute` on the given civil day.
    func matches(year: Int, month: Int, day: Int, hour: Int, minute: Int) -> Bool {
        months & (1 << UInt64(month)) != 0 && dayMatches(year: year, month: month, day: day)
            && hours & (1 << UInt64(hour)) != 0 && minutes & (1 << UInt64(minute)) != 0
    }

    /// The day rule: day of month and day of week, either one when both are restricted.
    func dayMatches(year: Int, month: Int, day: Int) -> Bool {
        let dom = days & (1 << UInt64(day)) != 0
        let dow = weekdays & (1 << UInt64(CronCivil.weekday(year: year, month: month, day: day))) != 0
        switch (daysRestricted, weekdaysRestricted) {
        case (true, true): return dom || dow
        case (true, false): return dom
        case (false, true): return dow
        case (false, false): return true
        }
    }
}
