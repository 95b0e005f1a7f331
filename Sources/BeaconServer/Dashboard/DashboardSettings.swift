import BeaconAnalytics

/// Settings of the dashboard: the marketing-mix fit behind the channel pages (tests use a
/// small search so a debug build fits in a second).
public struct DashboardSettings: Sendable {
    public var mmmSpecification: MMMSpecification

    public init(mmmSpecification: MMMSpecification = MMMSpecification()) {
        self.mmmSpecification = mmmSpecification
    }
}
