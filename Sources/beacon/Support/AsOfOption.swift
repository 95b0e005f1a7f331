import ArgumentParser
import BeaconEngine
import Foundation

/// `--as-of`: the day an analysis is computed as of, so a command answers for a date rather than
/// for the wall clock (imported history is not "dead" just because it is old).
///
/// Every command that takes the option reads it here: one format (`YYYY-MM-DD`, UTC), one
/// meaning (the whole day counts: events up to the end of it), one message when it is wrong.
struct AsOfOption: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: """
            Compute as of this day, YYYY-MM-DD (UTC; the whole day counts, later data is left out); \
            default: the day of the data's last event or purchase.
            """)
    var text: String?

    func validate() throws {
        if let text, WorkspaceToday.endOfDay(parsing: text) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(text)'")
        }
    }

    /// The last instant of the day (23:59:59 UTC), nil when the option is absent.
    var endOfDay: Date? { text.flatMap(WorkspaceToday.endOfDay(parsing:)) }

    /// The day number (days since 1970-01-01, UTC), nil when the option is absent.
    var day: Int? { endOfDay.map(WorkspaceToday.dayNumber) }

    /// Whether the option was given.
    var isSet: Bool { text != nil }
}
