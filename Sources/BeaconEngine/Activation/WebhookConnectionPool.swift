import NIOCore
import Synchronization

/// Idle HTTP/1.1 connections kept alive per host and port, so a destination's messages reuse
/// connections instead of paying a TCP handshake (and the receiver a new connection) each.
///
/// Only connections whose last answer allowed keep-alive come back here; a connection that
/// timed out, failed or was told `Connection: close` is closed by its user. Each idle connection
/// is closed after `idleTimeout` unless taken again first (below the 5 s keep-alive timeout of
/// Node's HTTP server, the shortest common default), and at most `maxIdlePerHost` wait per host
/// (enough for many destinations on one host, each with its requests in flight: a smaller cap
/// closed half of 64 in-flight connections after every batch). A stalled endpoint only ever
/// holds its own connections.
final class WebhookConnectionPool: Sendable {
    /// An open connection and the handler that answers its requests.
    struct Connection: @unchecked Sendable {
        let channel: any Channel
        let exchange: WebhookExchangeHandler
    }

    private struct Idle: @unchecked Sendable {
        var connection: Connection
        var closer: Scheduled<Void>
    }

    let maxIdlePerHost: Int
    let idleTimeout: TimeAmount
    private let idle = Mutex<[String: [Idle]]>([:])

    init(maxIdlePerHost: Int = 256, idleTimeout: TimeAmount = .seconds(4)) {
        self.maxIdlePerHost = maxIdlePerHost
        self.idleTimeout = idleTimeout
    }

    /// The most recently used open connection to `key` (host:port), or nil.
    func take(_ key: String) -> Connection? {
        while let next = idle.withLock({ $0[key]?.popLast() }) {
            next.closer.cancel()
            if next.connection.channel.isActive { return next.connection }
            next.connection.channel.close(promise: nil)
        }
        return nil
    }

    /// Keeps `connection` for the next request to `key`, or closes it when `key` has enough idle ones.
    func give(_ connection: Connection, to key: String) {
        guard connection.channel.isActive else { return }
        let channel = connection.channel
        let closer = channel.eventLoop.scheduleTask(in: idleTimeout) { [weak self] in
            self?.remove(channel, from: key)
            channel.close(promise: nil)
        }
        let kept = idle.withLock { pool -> Bool in
            guard pool[key, default: []].count < maxIdlePerHost else { return false }
            pool[key, default: []].append(Idle(connection: connection, closer: closer))
            return true
        }
        if !kept {
            closer.cancel()
            channel.close(promise: nil)
        }
    }

    /// Closes every idle connection.
    func closeAll() {
        let all = idle.withLock { pool in
            defer { pool.removeAll() }
            return pool.values.flatMap { $0 }
        }
        for entry in all {
            entry.closer.cancel()
            entry.connection.channel.close(promise: nil)
        }
    }

    /// How many connections wait for `key` (for tests).
    func idleCount(_ key: String) -> Int { idle.withLock { $0[key]?.count ?? 0 } }

    private func remove(_ channel: any Channel, from key: String) {
        idle.withLock { pool in
            pool[key]?.removeAll { $0.connection.channel === channel }
        }
    }
}
