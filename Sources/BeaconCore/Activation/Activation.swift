import Foundation

/// A rule that sends something to a destination when it happens: a profile entering or
/// leaving a segment, a tracked event matching a name and property filter, or a schedule.
public struct Activation: Sendable, Equatable, Codable {
    public var workspaceId: String
    public var id: String
    public var destinationId: String
    public var trigger: ActivationTrigger
    public var createdAt: Date

    public init(workspaceId: String, id: String, destinationId: String, trigger: ActivationTrigger, createdAt: Date) {
        self.workspaceId = workspaceId
        self.id = id
        self.destinationId = destinationId
        self.trigger = trigger
        self.createdAt = createdAt
    }
}

/// What makes an activation send.
public enum ActivationTrigger: Sendable, Equatable, Codable {
    /// A profile entered or exited the segment (`on` says which of the two count).
    case segment(id: String, on: Set<SegmentChangeKind>)
    /// A `track` event with this name whose properties equal every value in `properties`.
    case event(name: String, properties: [String: JSONValue])
    /// Every `everyHours` hours the segment's members are reconciled with what an audience
    /// sync destination last confirmed: only the difference is sent.
    case schedule(segmentId: String, everyHours: Double)
    /// An unusual day in one of the workspace's daily series (anomaly detection) or a failed
    /// data check sends one alert per flag (`AnomalyAlert`); `series` names the series and
    /// checks that alert (`revenue`, `orders`, `spend: Google Ads`, …), empty for all of them;
    /// `email` is where an email destination sends the alert.
    case alert(series: [String], email: String?)

    /// Whether an alert activation covers the series or check named `name`.
    public func alerts(on name: String) -> Bool {
        guard case .alert(let series, _) = self else { return false }
        return series.isEmpty || series.contains(name)
    }

    /// Whether a tracked event with `name` and `properties` sends.
    public func matches(eventName: String, properties: JSONValue?) -> Bool {
        guard case .event(let name, let filter) = self, name == eventName else { return false }
        return filter.allSatisfy { key, expected in properties?[key] == expected }
    }
}

/// The two ways a profile's segment membership changes.
public enum SegmentChangeKind: String, Sendable, Codable, CaseIterable, Comparable {
    case entered, exited

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
