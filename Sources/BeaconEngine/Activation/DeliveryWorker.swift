import BeaconCore
import BeaconStore
import Foundation
import Logging

/// Delivers one destination's messages: claims due messages under a lease, hands at most the
/// sender's batch to its `DestinationSender`, and settles each as delivered, retried or dead.
///
/// Each destination has its own worker, sender and circuit breaker, so a destination that
/// stalls or fails holds only its own requests: the others keep their pace. A 410 Gone
/// disables the destination (its messages wait until it is re-enabled) and stops the worker.
struct DeliveryWorker: Sendable {
    let destination: Destination
    let sender: any DestinationSender
    let outbox: any Outbox
    let activations: any ActivationStore
    let settings: DeliverySettings
    let owner: String
    let stats: DeliveryStats
    let logger: Logger
    let clock: @Sendable () -> Date

    func run() async {
        var breaker = CircuitBreaker(threshold: settings.breakerThreshold, cooldown: settings.breakerCooldown)
        while !Task.isCancelled {
            let now = clock()
            let permitted = breaker.permits(sender.batchLimit, now: now)
            guard permitted > 0 else {
                let wait = breaker.openUntil.map { $0.timeIntervalSince(now) } ?? settings.pollInterval
                await pause(min(max(wait, 0.01), settings.refreshInterval))
                continue
            }
            let batch: [OutboxMessage]
            do {
                batch = try await outbox.claim(
                    destinationId: destination.id, owner: owner, now: now,
                    leaseUntil: now.addingTimeInterval(settings.lease),
                    limit: permitted)
            } catch {
                logger.error("cannot claim messages for destination \(destination.id): \(error)")
                await pause(settings.pollInterval * 10)
                continue
            }
            guard !batch.isEmpty else {
                await pause(settings.pollInterval)
                continue
            }
            // A claimed batch is finished even when the worker is told to stop: the receiver may
            // already hold a message, and only settling it keeps it from being sent again.
            let (gone, after) = await Task { [breaker] in
                var b = breaker
                let gone = await finish(batch, breaker: &b)
                return (gone, b)
            }.value
            breaker = after
            if let gone {
                await disable(gone)
                return
            }
        }
    }

    /// Sends a claimed batch and settles each message; returns the 410 answer, if any.
    private func finish(_ batch: [OutboxMessage], breaker: inout CircuitBreaker) async -> WebhookResponse? {
        let outcomes = await sender.deliver(batch)
        let results = zip(batch, outcomes).map { ($0, $1.response, $1.seconds) }
        var gone: WebhookResponse?
        var settled: [OutboxMessage] = []
        let at = clock()
        for (m, response, seconds) in results.sorted(by: { $0.0.sequence < $1.0.sequence }) {
            let s = DeliveryAttempt.settled(
                m, response: response, policy: settings.retry, now: at, random: Double.random(in: 0..<1))
            settled.append(s)
            // A message withheld for consent says nothing about the destination's health.
            if response.status == ConsentGuardSender.withheldStatus {
            } else if response.isSuccess { breaker.succeeded() } else { breaker.failed(now: at) }
            if response.status == 410 { gone = response }
            await stats.record(destinationId: destination.id, state: s.state, seconds: seconds)
        }
        do {
            try await outbox.settle(settled, owner: owner)
        } catch {
            logger.error(
                "cannot settle \(settled.count) messages: \(error); their leases expire and they are sent again")
        }
        return gone
    }

    private func disable(_ response: WebhookResponse) async {
        do {
            guard var d = try await activations.destination(workspaceId: destination.workspaceId, id: destination.id)
            else {
                return
            }
            d.state = .disabled
            d.stateReason =
                "the endpoint answered 410 Gone" + (response.detail.isEmpty ? "" : ": \(response.detail.prefix(200))")
            try await activations.updateDestination(d)
            logger.warning("destination \(destination.id) disabled: 410 Gone")
        } catch {
            logger.error("cannot disable destination \(destination.id): \(error)")
        }
    }

    private func pause(_ seconds: TimeInterval) async {
        try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }
}
