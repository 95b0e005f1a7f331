/// What an import did: rows read, events stored, duplicates, and skipped rows by reason,
/// with the first problems listed by line number.
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
    /// Skipped rows counted per reason.
    public var skipped: [String: Int] = [:]
    /// The first `maxProblems` skipped rows with line numbers.
    public var problems: [Problem] = []
    static let maxProblems = 100

    public init() {}

    public var skippedTotal: Int { skipped.values.reduce(0, +) }

    mutating func skip(line: Int, reason: String, detail: String) {
        skipped[reason, default: 0] += 1
        if problems.count < Self.maxProblems { problems.append(Problem(line: line, message: detail)) }
    }

    /// A one-paragraph summary for the command line.
    public var summary: String {
        var s = "rows read \(rowsRead), imported \(rowsImported), skipped \(skippedTotal); events stored \(eventsStored), already present \(duplicates)"
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

/// A failure that stops an import before it starts (unreadable file, bad column map).
public struct ImportError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
