import BeaconCore
import Foundation

/// The Reports page's view: the workspace's scheduled email reports, the form that schedules
/// one for the signed-in user, and the delivery history.
struct ReportsPage: Sendable {
    /// The changes a schedule's row offers (`POST /dashboard/reports/{id}/{action}`).
    static let actions = ["send", "pause", "resume", "delete"]

    struct Row: Sendable {
        var id: String
        var name: String
        var recipient: String
        var schedule: String
        var timeZone: String
        var destination: String
        var state: String
        var nextRun: String
        var active: Bool
    }

    struct Run: Sendable {
        var schedule: String
        var scheduledAt: String
        var trigger: String
        var sentAt: String
        var status: String
        var error: String
    }

    struct Destination: Sendable {
        var id: String
        var name: String
    }

    var rows: [Row]
    var runs: [Run]
    var destinations: [Destination]
    var hasDestinations: Bool
    var canEdit: Bool
    var query: String
    var notice: String?
    var error: String?
    var draftName: String
    var draftTimeZone: String

    /// `2026-03-29 03:00 CEST (01:00 UTC)`: a time in the schedule's zone, and in UTC.
    static func format(_ date: Date?, zone: String) -> String {
        guard let date else { return "—" }
        let tz = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = tz
        f.dateFormat = "yyyy-MM-dd HH:mm zzz"
        return f.string(from: date) + (tz.identifier == "UTC" ? "" : " (\(Timestamp.format(date)))")
    }
}
