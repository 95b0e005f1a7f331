import Foundation
import NIOSSL

/// Open SMTP sessions to one server, reused from one message to the next: a session costs
/// a TCP and often a TLS handshake and a login, a mail transaction only three round trips.
///
/// A session that failed in any way is closed rather than returned; at most `maxIdle`
/// sessions wait between batches.
actor SMTPConnectionPool {
    let server: SMTPServer
    let tls: NIOSSLContext?
    let maxIdle: Int
    private var idle: [SMTPConnection] = []

    init(server: SMTPServer, maxIdle: Int) throws {
        self.server = server
        tls = server.security == .none ? nil : try server.tlsContext()
        self.maxIdle = maxIdle
    }

    /// An idle session, or a new one.
    func take() async throws -> SMTPConnection {
        while let c = idle.popLast() {
            if c.isActive { return c }
        }
        return try await SMTPConnection.open(server, tls: tls)
    }

    /// Returns a session that finished its transaction cleanly.
    func give(_ connection: SMTPConnection) {
        guard connection.isActive, idle.count < maxIdle else {
            connection.close()
            return
        }
        idle.append(connection)
    }

    /// Closes every idle session.
    func drain() async {
        let all = idle
        idle = []
        for c in all { await c.quit() }
    }
}
