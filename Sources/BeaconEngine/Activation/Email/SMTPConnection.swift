import BeaconCore
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One SMTP session with a server (RFC 5321) over SwiftNIO: greeting, `EHLO`, `STARTTLS`
/// (RFC 3207) with NIOSSL, `AUTH PLAIN` or `AUTH LOGIN` (RFC 4954), then any number of mail
/// transactions, each `MAIL FROM`, `RCPT TO` and `DATA`.
///
/// Every step waits at most the server's `timeout`; on a timeout or a broken conversation
/// the connection is closed and the step throws `SMTPError`. A transaction the server
/// refuses is not an error: `send` returns the reply and the stage it came at, and the
/// connection stays usable (after `RSET`).
public final class SMTPConnection: @unchecked Sendable {
    let channel: any Channel
    let reader: SMTPReplyReader
    let server: SMTPServer
    /// The extensions the server announced in its last `EHLO` reply.
    public private(set) var extensions: [String: [String]] = [:]
    /// Whether TLS protects the connection.
    public private(set) var encrypted = false

    private init(channel: any Channel, reader: SMTPReplyReader, server: SMTPServer) {
        self.channel = channel
        self.reader = reader
        self.server = server
    }

    /// Connects, reads the greeting, says `EHLO`, upgrades to TLS and logs in as the server asks.
    /// - Parameter tls: the TLS context (required unless `security` is `none`).
    public static func open(
        _ server: SMTPServer, tls: NIOSSLContext?, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> SMTPConnection {
        let reader = SMTPReplyReader()
        let implicitTLS = server.security == .tls
        let serverName = server.hostIsAddress ? nil : server.host
        if server.security != .none && tls == nil {
            throw SMTPError(stage: "TLS", "no TLS context for a \(server.security.rawValue) server")
        }
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.milliseconds(Int64(server.timeout * 1000)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture(withResultOf: {
                    if implicitTLS, let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(reader)
                })
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: server.host, port: server.port).get()
        } catch {
            throw SMTPError(stage: "connect", "cannot reach \(server.host):\(server.port): \(error)")
        }
        let connection = SMTPConnection(channel: channel, reader: reader, server: server)
        connection.encrypted = implicitTLS
        do {
            try await connection.handshake(tls: tls, serverName: serverName)
        } catch let error as SMTPError {
            connection.close()
            throw error
        } catch {
            // The channel's own errors (closed under a step's timeout, a handler refused) say
            // where the conversation broke, like every other failure here.
            connection.close()
            throw SMTPError(stage: "connection", "\(error)")
        }
        return connection
    }

    private func handshake(tls: NIOSSLContext?, serverName: String?) async throws {
        let greeting = try await reply()
        guard greeting.code == 220 else { throw SMTPError(stage: "greeting", reply: greeting, "refused") }
        try await ehlo()
        if server.security == .starttls {
            guard extensions["STARTTLS"] != nil else {
                throw SMTPError(stage: "STARTTLS", "the server does not offer STARTTLS (choose security none or tls)")
            }
            let r = try await command("STARTTLS")
            guard r.code == 220 else { throw SMTPError(stage: "STARTTLS", reply: r, "refused") }
            let channel = self.channel
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(
                    try NIOSSLClientHandler(context: tls!, serverHostname: serverName), position: .first)
            }.get()
            encrypted = true
            try await ehlo()
        }
        if let username = server.username {
            try await authenticate(username, server.password ?? "")
        }
    }

    private func ehlo() async throws {
        let r = try await command("EHLO \(server.heloName)")
        guard r.code == 250 else { throw SMTPError(stage: "EHLO", reply: r, "refused") }
        extensions = r.extensions
    }

    private func authenticate(_ username: String, _ password: String) async throws {
        let mechanisms = extensions["AUTH"] ?? []
        if mechanisms.contains("PLAIN") {
            let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
            let r = try await command("AUTH PLAIN \(token)", secret: true)
            guard r.code == 235 else { throw SMTPError(stage: "AUTH", reply: r, "login refused") }
        } else if mechanisms.contains("LOGIN") {
            var r = try await command("AUTH LOGIN")
            guard r.code == 334 else { throw SMTPError(stage: "AUTH", reply: r, "login refused") }
            r = try await command(Data(username.utf8).base64EncodedString(), secret: true)
            guard r.code == 334 else { throw SMTPError(stage: "AUTH", reply: r, "login refused") }
            r = try await command(Data(password.utf8).base64EncodedString(), secret: true)
            guard r.code == 235 else { throw SMTPError(stage: "AUTH", reply: r, "login refused") }
        } else {
            throw SMTPError(stage: "AUTH", "the server offers neither AUTH PLAIN nor AUTH LOGIN")
        }
    }

    /// Where in a transaction the server answered.
    public enum Stage: String, Sendable {
        case mail = "MAIL FROM", rcpt = "RCPT TO", data = "DATA"
    }

    /// One mail transaction: the server's last reply and the stage it answered at (`data`
    /// with a 250 when the message was accepted).
    public func send(from: String, to: String, message: [UInt8]) async throws -> (stage: Stage, reply: SMTPReply) {
        var r = try await command("MAIL FROM:<\(from)>")
        guard r.code == 250 else { return try await refused(.mail, r) }
        r = try await command("RCPT TO:<\(to)>")
        guard r.code == 250 || r.code == 251 else { return try await refused(.rcpt, r) }
        r = try await command("DATA")
        guard r.code == 354 else { return try await refused(.data, r) }
        r = try await write(message)
        return (.data, r)
    }

    private func refused(_ stage: Stage, _ reply: SMTPReply) async throws -> (stage: Stage, reply: SMTPReply) {
        _ = try? await command("RSET")
        return (stage, reply)
    }

    /// Says `QUIT` (without waiting long) and closes.
    public func quit() async {
        _ = try? await command("QUIT")
        close()
    }

    public func close() {
        channel.close(promise: nil)
    }

    public var isActive: Bool { channel.isActive }

    /// Sends one command line and waits for its reply.
    /// - Parameter secret: the line carries credentials (never put into errors).
    func command(_ line: String, secret: Bool = false) async throws -> SMTPReply {
        guard !line.contains("\r"), !line.contains("\n") else {
            throw SMTPError(stage: "command", "a line break inside a command")
        }
        return try await write(Array((line + "\r\n").utf8))
    }

    private func write(_ bytes: [UInt8]) async throws -> SMTPReply {
        channel.writeAndFlush(ByteBuffer(bytes: bytes), promise: nil)
        return try await reply()
    }

    /// The next reply, within the timeout (after which the connection is closed).
    private func reply() async throws -> SMTPReply {
        let loop = channel.eventLoop
        let reader = self.reader, channel = self.channel
        let timeout = server.timeout
        let timer = loop.scheduleTask(in: .milliseconds(Int64(timeout * 1000))) {
            reader.fail(SMTPError(stage: "reply", "no answer within \(Int(timeout)) s"))
            channel.close(promise: nil)
        }
        defer { timer.cancel() }
        return try await loop.flatSubmit { reader.next(on: loop) }.get()
    }
}
