import BeaconCore
import BeaconStore
import Foundation
import Logging

/// Runs one `DeliveryWorker` per active destination of every workspace, starting and
/// stopping workers as destinations are created, paused, disabled, changed or deleted.
///
/// Workers claim messages under a lease named after this process, so after a crash the
/// next process delivers what was in flight once the leases expire; a receiver may then see
/// a message twice, always with the same `webhook-id`, and applies it once.
public actor DeliveryService {
    let stores: Stores
    let secrets: @Sendable () throws -> SecretBox
    let settings: DeliverySettings
    let senders: DestinationSenders
    let logger: Logger
    let clock: @Sendable () -> Date
    /// The outcome counts per destination.
    public let stats = DeliveryStats()
    let owner = "beacon-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    private var workers: [String: (destination: Destination, task: Task<Void, Never>)] = [:]
    /// Destinations whose secrets this process cannot open, as last seen (reported once each).
    private var unopenable: [String: Destination] = [:]
    /// Set by `shutdown()`: no worker starts again.
    private var closed = false

    public init(
        stores: Stores, secrets: @escaping @Sendable () throws -> SecretBox,
        settings: DeliverySettings = DeliverySettings(),
        senders: DestinationSenders = DestinationSenders(),
        logger: Logger = Logger(label: "beacon.delivery"), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.stores = stores
        self.secrets = secrets
        self.settings = settings
        self.senders = senders
        self.logger = logger
        self.clock = clock
    }

    /// Keeps the workers in step with the stored destinations until cancelled, then stops them.
    public func run() async {
        while !Task.isCancelled {
            do {
                try await refresh()
            } catch {
                logger.error("cannot read destinations: \(error)")
            }
            try? await Task.sleep(nanoseconds: UInt64(settings.refreshInterval * 1_000_000_000))
        }
        await stop()
    }

    /// Starts a worker for each active destination without one (or whose settings changed)
    /// and stops the workers of the others.
    public func refresh() async throws {
        guard !closed else { return }
        let destinations = try await stores.activations.allDestinations()
        let active = Dictionary(
            destinations.filter { $0.state == .active }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, worker) in workers where active[id] != worker.destination {
            worker.task.cancel()
            workers[id] = nil
        }
        for (id, d) in active where workers[id] == nil && !closed {
            var sender: any DestinationSender
            do {
                let box = try secrets()
                sender = try senders.sender(
                    for: d, secrets: try d.sealedSecrets.map(box.open), settings: settings, clock: clock)
                if !d.requiredConsent.isEmpty {
                    sender = ConsentGuardSender(
                        base: sender, required: d.requiredConsent,
                        consent: MessageConsent(profiles: stores.profiles, privacy: stores.privacy))
                }
            } catch {
                if unopenable[id] != d { logger.error("destination \(id) not delivered: \(error)") }
                unopenable[id] = d
                continue
            }
            let worker = DeliveryWorker(
                destination: d, sender: sender, outbox: stores.outbox, activations: stores.activations,
                settings: settings, owner: owner, stats: stats, logger: logger,
                clock: clock)
            workers[id] = (d, Task { await worker.run() })
        }
    }

    /// Stops every worker and waits for each to settle the batch it holds, so a message a
    /// receiver already took is not sent again after the lease.
    public func stop() async {
        let stopping = workers.values.map(\.task)
        workers = [:]
        for task in stopping { task.cancel() }
        for task in stopping { await task.value }
    }

    /// Stops the workers for good (before the store closes): `run()` and `refresh()` start none again.
    public func shutdown() async {
        closed = true
        await stop()
    }

    /// The destinations with a running worker.
    public var running: [String] { workers.keys.sorted() }
}
