/// Something that happens to a profile that a journey listens for: entering or leaving a
/// segment, or a tracked event whose properties equal every value of a filter.
///
/// Used for what starts a journey (its trigger), what ends it early (exit criteria), its goal
/// (a conversion event) and what a `waitForEvent` step waits for.
public struct JourneyTrigger: Sendable, Equatable, Codable {
    /// The kinds of happenings a journey listens for.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case segmentEntered, segmentExited, event
    }

    public var type: Kind
    /// The segment id, for `segmentEntered` and `segmentExited`.
    public var segment: String?
    /// The event name, for `event`.
    public var event: String?
    /// Values the event's properties must equal (dotted paths reach nested objects).
    public var properties: [String: JSONValue]?

    public init(type: Kind, segment: String? = nil, event: String? = nil, properties: [String: JSONValue]? = nil) {
        self.type = type
        self.segment = segment
        self.event = event
        self.properties = properties
    }

    public static func entered(_ segment: String) -> Self { Self(type: .segmentEntered, segment: segment) }
    public static func exited(_ segment: String) -> Self { Self(type: .segmentExited, segment: segment) }
    public static func event(_ name: String, where properties: [String: JSONValue]? = nil) -> Self {
        Self(type: .event, event: name, properties: properties)
    }

    /// Whether `signal` is this happening.
    public func matches(_ signal: JourneySignal) -> Bool {
        switch (type, signal.kind) {
        case (.segmentEntered, .segmentEntered), (.segmentExited, .segmentExited):
            return signal.name == segment
        case (.event, .event):
            guard signal.name == event else { return false }
            return (properties ?? [:]).allSatisfy { key, expected in Self.lookup(key, in: signal.properties) == expected }
        default:
            return false
        }
    }

    /// Checks the fields its kind needs; `path` names it in errors (`trigger`, `exitWhen[0]`).
    public func validate(path: String) throws {
        switch type {
        case .segmentEntered, .segmentExited:
            guard let s = segment, !s.isEmpty else { throw JourneyError(field: "\(path).segment", "is required for \(type.rawValue)") }
        case .event:
            guard let e = event, !e.isEmpty else { throw JourneyError(field: "\(path).event", "is required for event") }
        }
    }

    static func lookup(_ key: String, in properties: JSONValue?) -> JSONValue? {
        guard let properties else { return nil }
        if let v = properties[key] { return v }
        var value: JSONValue? = properties
        for part in key.split(separator: ".") { value = value?[String(part)] }
        return value
    }
}
