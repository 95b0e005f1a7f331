import BeaconCore
import Foundation

/// A workspace's "today": the time of its last event, never later than the wall clock.
///
/// Every analysis, prediction and time-based segment rule is evaluated as of a date; when the
/// user names none, this is the date. Taking the last event rather than the wall clock makes
/// imported history look alive as of its own end (a 2010–11 order file is read as of its last
/// invoice, not as of today); capping it at the wall clock keeps one event with a fast client
/// clock from moving the whole workspace into the future. A workspace with no events has
/// no today of its own and uses the wall clock.
public enum WorkspaceToday {
    /// Today for a workspace whose newest event is at `lastEvent`, read at wall time `wallClock`.
    public static func date(lastEvent: Date?, wallClock: Date) -> Date {
        guard let lastEvent else { return wallClock }
        return min(lastEvent, wallClock)
    }

    /// The end of civil day `day` (UTC, 23:59:59): what a `YYYY-MM-DD` as-of date means, so
    /// that day's own events count.
    public static func endOfDay(_ day: Date) -> Date {
        let start = (day.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        return Date(timeIntervalSince1970: start + 86_399)
    }

    /// The as-of instant a `YYYY-MM-DD` text names (the end of that day), nil when it is not
    /// such a date.
    public static func endOfDay(parsing text: String) -> Date? {
        guard text.count == 10, let day = Timestamp.parse(text) else { return nil }
        return endOfDay(day)
    }

    /// The day number (days since 1970-01-01, UTC) of an instant.
    public static func dayNumber(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }
}

extension WorkspaceState {
    /// The workspace's today (`WorkspaceToday`) at wall time `wallClock`.
    func today(wallClock: Date) -> Date {
        WorkspaceToday.date(lastEvent: profiles.lastEventAt, wallClock: wallClock)
    }
}

extension ProfileEngine {
    /// The workspace's today (`WorkspaceToday`): its last event's time, folded up to now.
    public func today(workspaceId: String) async throws -> Date {
        try await serialized(workspaceId) {
            _ = try await self.step(workspaceId)
            return try await self.state(workspaceId).today(wallClock: self.clock())
        }
    }
}
