/// What an import did: rows read, events stored, duplicates, and skipped rows by reason,
/// with the first problems listed by line number.
///
/// A skipped row is either *refused* (an error in the file: not JSON, not a date, not a
/// number…), which counts against the importer's `maxErrors`, or *left out* by a documented
/// rule that is not an error (an order line without a customer, as guest checkouts are).
public struct ImportReport: Sendable, Equatable, Codable {
    /// One skipped row: its line number in the file and why.
    public struct Problem: Sendable, Equatable, Codable {
        public var line: Int
        public var message: String
    }

    public var rowsRead = 0
    /// Rows that went into an event.
    public var rowsImported = 0
    /// Events newly stored.
    public var eventsStored = 0
    /// Events already stored by an earlier run (same messageId).
    public var duplicates = 0
    /// Events of earlier imports removed because this one replaced them (`--replace`); nil
    /// when the import appended.
    public var eventsReplaced: Int?
    /// Skipped rows counted per reason.
    public var skipped: [String: Int] = [:]
    /// Rows refused as errors (a subset of the skipped rows).
    public var refused = 0
    /// Orders refused whole because one of their lines was refused, in file order.
    public var refusedOrders: [String] = []
    /// The first `maxProblems` skipped rows with line numbers.
    public var problems: [Problem] = []
    static let maxProblems = 100

    public init() {}

    public var skippedTotal: Int { skipped.values.reduce(0, +) }

    /// Records a skipped row; `error` when the row is refused as an error in the file.
    mutating func skip(line: Int, reason: String, detail: String, error: Bool = true) {
        skipped[reason, default: 0] += 1
        if error { refused += 1 }
        if problems.count < Self.maxProblems { problems.append(Problem(line: line, message: detail)) }
    }

    /// A one-paragraph summary for the command line.
    public var summary: String {
        var s = "rows read \(rowsRead), imported \(rowsImported), skipped \(skippedTotal) (refused \(refused)); events stored \(eventsStored), already present \(duplicates)"
        if let eventsReplaced { s += "; replaced the \(eventsReplaced) events of earlier order imports" }
        if !refusedOrders.isEmpty {
            s += "\norders refused whole (a line of each was refused): " + refusedOrders.prefix(20).joined(separator: ", ")
                + (refusedOrders.count > 20 ? " … \(refusedOrders.count - 20) more" : "")
        }
        if !skipped.isEmpty {
            s += "\nskipped by reason: " + skipped.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        return s
    }
}

/// Progress of a long import, reported to a callback (the CLI draws a progress line).
public struct ImportProgress: Sendable {
    public enum Phase: String, Sendable { case reading, parsing, storing }
    public var phase: Phase
    public var done: Int
    public var total: Int
    /// The counts so far (rows read, skipped, events stored), when the importer has them.
    public var report: ImportReport? = nil
}

/// An import that stored nothing because the file had more refused rows than allowed
/// (`maxErrors`); `report` lists them by line.
public struct ImportRefused: Error, CustomStringConvertible, Sendable {
    public var report: ImportReport
    public var maxErrors: Int

    public var description: String {
        "nothing stored: \(report.refused) rows refused, more than the \(maxErrors) allowed (--max-errors)"
    }
}

/// A failure that stops an import before it starts (unreadable file, bad column map).
public struct ImportError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
