import BeaconCore
import Foundation

/// Counts of delivery outcomes per destination since the process started, for metrics.
public actor DeliveryStats {
    /// One destination's counts.
    public struct Counts: Sendable, Equatable {
        public var delivered = 0
        /// Attempts that failed and will be retried.
        public var retrying = 0
        public var dead = 0
        /// Seconds spent waiting for answers, over all attempts.
        public var latencySeconds = 0.0
        public var attempts: Int { delivered + retrying + dead }
    }

    private var counts: [String: Counts] = [:]

    public init() {}

    func record(destinationId: String, state: OutboxMessage.State, seconds: TimeInterval) {
        var c = counts[destinationId] ?? Counts()
        switch state {
        case .delivered: c.delivered += 1
        case .pending: c.retrying += 1
        case .dead: c.dead += 1
        }
        c.latencySeconds += seconds
        counts[destinationId] = c
    }

    /// Every destination's counts, by destination id.
    public func snapshot() -> [String: Counts] { counts }
}
