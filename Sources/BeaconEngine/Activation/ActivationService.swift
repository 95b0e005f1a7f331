import BeaconCore
import BeaconStore
import Foundation

/// Destinations and activations as the API, the CLI and the dashboard use them: every
/// request checked whole before anything is stored, secrets sealed, dead letters replayed.
///
/// Bad input throws `ActivationError` naming the field (`url`, `secret`, `segment`, …) and
/// stores and queues nothing.
public struct ActivationService: Sendable {
    let stores: Stores
    let engine: ProfileEngine
    let secrets: @Sendable () throws -> SecretBox
    let clock: @Sendable () -> Date
    /// How long a server being verified (an SMTP server at creation) may take per step: the
    /// delivery's request timeout, so a server slow enough to fail here would fail deliveries too.
    let verifyTimeout: TimeInterval

    public init(
        stores: Stores, engine: ProfileEngine, secrets: @escaping @Sendable () throws -> SecretBox,
        clock: @escaping @Sendable () -> Date = { Date() }, verifyTimeout: TimeInterval = 30
    ) {
        self.stores = stores
        self.engine = engine
        self.secrets = secrets
        self.clock = clock
        self.verifyTimeout = verifyTimeout
    }

    /// A new webhook destination and its plain secret, shown this once (a new one is made
    /// when `secret` is nil).
    public func createDestination(workspaceId: String, name: String, type: String, url: String, secret: String?)
        async throws -> (destination: Destination, secret: String)
    {
        let name = try Self.checkName(name)
        guard let kind = Destination.Kind(rawValue: type) else {
            throw ActivationError(
                field: "type", "must be one of \(Destination.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if kind.isAudienceSync {
            throw ActivationError(field: "apiKey", "a \(kind.rawValue) destination needs apiKey and listId, not a secret")
        }
        guard kind == .webhook else {
            throw ActivationError(field: "type", "an email destination is made with createEmailDestination (its own fields)")
        }
        try Self.checkURL(url)
        let plain = secret ?? WebhookSignature.newSecret()
        _ = try WebhookSignature.key(of: plain)
        let destination = Destination(
            workspaceId: workspaceId, id: "dst_" + Self.token(), name: name, kind: kind, url: url,
            sealedSecrets: [try secrets().seal(plain)], createdAt: Timestamp.truncated(clock()))
        do {
            try await stores.activations.createDestination(destination)
        } catch let error as StoreError where error.code == .conflict {
            throw ActivationError(field: "name", "a destination named '\(name)' already exists", conflict: true)
        }
        return (destination, plain)
    }

    /// An absolute `http` or `https` URL with a host.
    static func checkURL(_ text: String) throws {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty, !text.contains(" ")
        else {
            throw ActivationError(field: "url", "must be an absolute http or https URL with a host, not '\(text)'")
        }
    }

    public func destinations(workspaceId: String) async throws -> [Destination] {
        try await stores.activations.destinations(workspaceId: workspaceId)
    }

    public func destination(workspaceId: String, id: String) async throws -> Destination {
        guard let d = try await stores.activations.destination(workspaceId: workspaceId, id: id) else {
            throw ActivationError(field: "destination", "no destination '\(id)' in this workspace", notFound: true)
        }
        return d
    }

    /// Deletes a destination with its activations and queued messages.
    public func deleteDestination(workspaceId: String, id: String) async throws {
        guard try await stores.activations.deleteDestination(workspaceId: workspaceId, id: id) else {
            throw ActivationError(field: "destination", "no destination '\(id)' in this workspace", notFound: true)
        }
        try await engine.reloadActivations(workspaceId: workspaceId)
    }

    /// Pauses or resumes a destination (resuming also re-enables one disabled by a 410).
    public func setActive(workspaceId: String, id: String, _ active: Bool) async throws -> Destination {
        var d = try await destination(workspaceId: workspaceId, id: id)
        d.state = active ? .active : .paused
        d.stateReason = nil
        try await stores.activations.updateDestination(d)
        return d
    }

    /// A new secret for the destination, shown this once; the previous one keeps signing too
    /// (two signatures per message) until the next rotation, so receivers can switch over.
    public func rotateSecret(workspaceId: String, id: String) async throws -> (destination: Destination, secret: String)
    {
        var d = try await destination(workspaceId: workspaceId, id: id)
        guard !d.kind.isAudienceSync else {
            throw ActivationError(
                field: "destination", "an audience sync destination has an API key, not a signing secret")
        }
        let plain = WebhookSignature.newSecret()
        d.sealedSecrets = [try secrets().seal(plain)] + d.sealedSecrets.prefix(1)
        try await stores.activations.updateDestination(d)
        return (d, plain)
    }

    /// Sends `segment`'s entered and/or exited changes (`on`) to a destination.
    public func activateSegment(workspaceId: String, segment: String, destination: String, on: [String]) async throws
        -> Activation
    {
        guard try await stores.profiles.segment(workspaceId: workspaceId, id: segment) != nil else {
            throw ActivationError(field: "segment", "no segment '\(segment)' in this workspace", notFound: true)
        }
        guard !on.isEmpty else { throw ActivationError(field: "on", "must name 'entered', 'exited' or both") }
        var kinds: Set<SegmentChangeKind> = []
        for k in on {
            guard let kind = SegmentChangeKind(rawValue: k) else {
                throw ActivationError(field: "on", "'\(k)' is not 'entered' or 'exited'")
            }
            kinds.insert(kind)
        }
        return try await activate(workspaceId, destination, .segment(id: segment, on: kinds))
    }

    /// Sends each tracked event named `event` whose properties equal those in `properties`.
    public func activateEvent(workspaceId: String, event: String, properties: [String: JSONValue], destination: String)
        async throws -> Activation
    {
        guard !event.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ActivationError(field: "event", "must name the tracked event")
        }
        if let d = try await stores.activations.destination(workspaceId: workspaceId, id: destination),
            d.kind.isAudienceSync
        {
            throw ActivationError(field: "event", "an audience sync destination takes segment activations only")
        }
        return try await activate(workspaceId, destination, .event(name: event, properties: properties))
    }

    private func activate(_ workspaceId: String, _ destinationId: String, _ trigger: ActivationTrigger) async throws
        -> Activation
    {
        _ = try await destination(workspaceId: workspaceId, id: destinationId)
        let a = Activation(
            workspaceId: workspaceId, id: "act_" + Self.token(), destinationId: destinationId, trigger: trigger,
            createdAt: Timestamp.truncated(clock()))
        try await stores.activations.createActivation(a)
        try await engine.reloadActivations(workspaceId: workspaceId)
        return a
    }

    public func activations(workspaceId: String) async throws -> [Activation] {
        try await stores.activations.activations(workspaceId: workspaceId)
    }

    public func activation(workspaceId: String, id: String) async throws -> Activation {
        guard let a = try await stores.activations.activation(workspaceId: workspaceId, id: id) else {
            throw ActivationError(field: "activation", "no activation '\(id)' in this workspace", notFound: true)
        }
        return a
    }

    public func deleteActivation(workspaceId: String, id: String) async throws {
        guard try await stores.activations.deleteActivation(workspaceId: workspaceId, id: id) else {
            throw ActivationError(field: "activation", "no activation '\(id)' in this workspace", notFound: true)
        }
        try await engine.reloadActivations(workspaceId: workspaceId)
    }

    /// Queues a `test` message to the destination; returns its id.
    public func sendTest(workspaceId: String, destinationId: String) async throws -> OutboxMessage {
        _ = try await destination(workspaceId: workspaceId, id: destinationId)
        let now = clock()
        let cause = "test:\(Self.token())"
        let payload = JSONValue.object([
            "type": .string("destination.test"), "timestamp": .string(Timestamp.format(now)),
            "workspace": .string(workspaceId),
        ]).serialized()
        let m = OutboxMessage(
            workspaceId: workspaceId, id: OutboxMessage.key(cause: cause, profile: "", destination: destinationId),
            destinationId: destinationId, orderKey: cause, cause: cause, payload: payload, nextAttemptAt: now,
            createdAt: now)
        try await stores.outbox.enqueue([m])
        return m
    }

    /// The destination's newest messages (its delivery log), or only those in `state`.
    public func messages(workspaceId: String, destinationId: String, state: OutboxMessage.State?, limit: Int)
        async throws -> [OutboxMessage]
    {
        _ = try await destination(workspaceId: workspaceId, id: destinationId)
        return try await stores.outbox.messages(
            workspaceId: workspaceId, destinationId: destinationId, state: state, limit: limit)
    }

    /// Puts dead messages back in the queue with fresh attempts: all of the destination's, or `ids`.
    public func replay(workspaceId: String, destinationId: String, ids: [String]?) async throws -> Int {
        _ = try await destination(workspaceId: workspaceId, id: destinationId)
        return try await stores.outbox.replay(
            workspaceId: workspaceId, destinationId: destinationId, ids: ids, now: clock())
    }

    /// How many of the destination's messages are in each state.
    public func counts(workspaceId: String, destinationId: String) async throws -> [OutboxMessage.State: Int] {
        try await stores.outbox.counts(workspaceId: workspaceId, destinationId: destinationId)
    }

    static func token() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20).description
    }
}

extension ActivationService {
    /// A destination's name without surrounding blanks: 1 to 100 characters with at least one
    /// that is neither white space nor a control character (a form feed alone is no name).
    static func checkName(_ name: String) throws -> String {
        let name = name.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(.controlCharacters))
        guard !name.isEmpty, name.count <= 100 else {
            throw ActivationError(field: "name", "must be 1 to 100 characters")
        }
        return name
    }
}
