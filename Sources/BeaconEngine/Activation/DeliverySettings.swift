import BeaconCore
import Foundation

/// How the delivery workers pace themselves: retries, in-flight bound, leases and timeouts.
public struct DeliverySettings: Sendable {
    public var retry: RetryPolicy
    /// Webhook requests in flight per destination at most. 32: on kept-alive connections two
    /// cores deliver about 1,570 signed webhooks/s at 32 against about 950/s at 16, where each
    /// batch waits for its slowest answer (`docs/benchmarks.md`).
    public var maxInFlight: Int
    /// SMTP connections, and so emails in flight, per email destination at most. 16: mail
    /// servers commonly cap concurrent connections per client.
    public var emailConnections: Int
    /// How long a claimed message stays leased to its worker; a worker that dies (kill -9)
    /// leaves its messages to be claimed again after this.
    public var lease: TimeInterval
    /// How long a request may take before it counts as failed (shorter than `lease`).
    public var requestTimeout: TimeInterval
    /// How often an idle worker looks for due messages.
    public var pollInterval: TimeInterval
    /// How often the set of destinations (and their workers) is refreshed.
    public var refreshInterval: TimeInterval
    /// Failures in a row that open a destination's circuit breaker.
    public var breakerThreshold: Int
    /// The first cooldown of an open breaker.
    public var breakerCooldown: TimeInterval

    public init(
        retry: RetryPolicy = RetryPolicy(), maxInFlight: Int = 32, emailConnections: Int = 16, lease: TimeInterval = 60,
        requestTimeout: TimeInterval = 30,
        pollInterval: TimeInterval = 0.1, refreshInterval: TimeInterval = 1, breakerThreshold: Int = 5,
        breakerCooldown: TimeInterval = 5
    ) {
        self.retry = retry
        self.maxInFlight = maxInFlight
        self.emailConnections = emailConnections
        self.lease = lease
        self.requestTimeout = requestTimeout
        self.pollInterval = pollInterval
        self.refreshInterval = refreshInterval
        self.breakerThreshold = breakerThreshold
        self.breakerCooldown = breakerCooldown
    }

    /// The defaults with any `BEACON_DELIVERY_*` variable applied: `MAX_ATTEMPTS`,
    /// `INITIAL_DELAY`, `MAX_DELAY`, `MAX_IN_FLIGHT` (webhooks), `EMAIL_CONNECTIONS`, `LEASE`,
    /// `TIMEOUT` (seconds where a time).
    /// - Throws: `ActivationError` naming the variable when it is not a positive number.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> DeliverySettings
    {
        var s = DeliverySettings()
        func number(_ name: String) throws -> Double? {
            guard let text = environment["BEACON_DELIVERY_\(name)"] else { return nil }
            guard let v = Double(text), v > 0, v.isFinite else {
                throw ActivationError(field: "BEACON_DELIVERY_\(name)", "must be a positive number, not '\(text)'")
            }
            return v
        }
        if let v = try number("MAX_ATTEMPTS") { s.retry.maxAttempts = Int(v) }
        if let v = try number("INITIAL_DELAY") { s.retry.initialDelay = v }
        if let v = try number("MAX_DELAY") { s.retry.maxDelay = v }
        if let v = try number("MAX_IN_FLIGHT") { s.maxInFlight = Int(v) }
        if let v = try number("EMAIL_CONNECTIONS") { s.emailConnections = Int(v) }
        if let v = try number("LEASE") { s.lease = v }
        if let v = try number("TIMEOUT") { s.requestTimeout = v }
        return s
    }
}
