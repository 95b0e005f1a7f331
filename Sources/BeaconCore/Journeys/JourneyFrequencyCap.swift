import Foundation

/// At most `sends` journey sends to one profile within any `seconds`, counting the sends of every
/// journey of the workspace: a send that would break it is deferred until the oldest send in the
/// window has left it, never dropped.
public struct JourneyFrequencyCap: Sendable, Equatable, Codable {
    public var sends: Int
    public var seconds: Double

    public init(sends: Int, seconds: Double) {
        self.sends = sends
        self.seconds = seconds
    }

    /// Checks the count is at least 1 and the window at least a second; `path` names the field in errors.
    public func validate(path: String) throws {
        guard sends >= 1 else { throw JourneyError(field: "\(path).sends", "must be at least 1") }
        guard seconds.isFinite, seconds >= 1 else {
            throw JourneyError(field: "\(path).seconds", "must be a number of seconds of at least 1")
        }
    }

    /// When a send due at `now` may go, given the times of the profile's earlier sends: nil when
    /// fewer than `sends` fall in the window `(now − seconds, now]`, else the first instant at
    /// which one fewer would (the `(n − sends + 1)`-th oldest of the `n` in the window, plus `seconds`).
    /// Sends after `now` (a clock skew) count as in the window.
    public func deferral(at now: Date, recent: [Date]) -> Date? {
        let inWindow = recent.filter { $0 > now - seconds }.sorted()
        guard inWindow.count >= sends else { return nil }
        return inWindow[inWindow.count - sends] + seconds
    }
}
