/// The six calls of the Segment tracking spec, which Beacon speaks natively.
public enum EventType: String, Sendable, CaseIterable, Codable {
    case identify, track, page, screen, group, alias
}
