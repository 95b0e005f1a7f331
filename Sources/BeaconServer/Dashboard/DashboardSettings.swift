import BeaconAnalytics

/// Settings of the dashboard: the marketing-mix fit behind the channel pages (tests use a
/// small search so a debug build fits in a second) and how sign-in cookies are sent.
public struct DashboardSettings: Sendable {
    public var mmmSpecification: MMMSpecification
    /// Send the session cookie without `Secure` to plain-HTTP clients on other machines.
    /// Off by default: then sign-in over plain HTTP works only on the machine itself
    /// (loopback) or behind a TLS proxy that sets `X-Forwarded-Proto: https`.
    public var allowInsecureCookies: Bool

    public init(mmmSpecification: MMMSpecification = MMMSpecification(), allowInsecureCookies: Bool = false) {
        self.mmmSpecification = mmmSpecification
        self.allowInsecureCookies = allowInsecureCookies
    }
}
