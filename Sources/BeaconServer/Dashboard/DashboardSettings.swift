import BeaconEngine

/// Settings of the dashboard: the marketing-mix fit behind the channel pages (tests use a
/// small search so a debug build fits in a second) and how sign-in cookies are sent.
public struct DashboardSettings: Sendable {
    /// How the marketing-mix model behind the channel pages is fitted.
    public var marketingMix: MMMFitCache.Settings
    /// Send the session cookie without `Secure` to plain-HTTP clients on other machines.
    /// Off by default: then sign-in over plain HTTP works only on the machine itself
    /// (loopback) or behind a TLS proxy that sets `X-Forwarded-Proto: https`.
    public var allowInsecureCookies: Bool

    public init(marketingMix: MMMFitCache.Settings = MMMFitCache.Settings(), allowInsecureCookies: Bool = false) {
        self.marketingMix = marketingMix
        self.allowInsecureCookies = allowInsecureCookies
    }
}
