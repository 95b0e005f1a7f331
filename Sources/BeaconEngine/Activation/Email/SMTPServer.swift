import BeaconCore
import Foundation
import NIOSSL

/// Where and how an email destination reaches its SMTP server: host, port, transport
/// security and the optional login.
public struct SMTPServer: Sendable {
    /// How the connection is protected.
    public enum Security: String, Sendable, CaseIterable {
        /// Plain connection upgraded with `STARTTLS` before anything else is sent (port 587);
        /// a server that does not offer it is refused.
        case starttls
        /// TLS from the first byte (port 465).
        case tls
        /// No encryption (a relay on loopback or inside a private network).
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The name Beacon gives in `EHLO`.
    public var heloName: String
    /// How long any one step (connect, a command's reply) may take.
    public var timeout: TimeInterval
    /// Whether the server's certificate is checked (on by default; off only for relays with
    /// self-signed certificates).
    public var verifyCertificate: Bool

    public init(
        host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
        heloName: String = "beacon.localhost", timeout: TimeInterval = 30, verifyCertificate: Bool = true
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.heloName = heloName
        self.timeout = timeout
        self.verifyCertificate = verifyCertificate
    }

    /// The TLS context for this server (made once per destination: it is costly).
    func tlsContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if !verifyCertificate { configuration.certificateVerification = .none }
        return try NIOSSLContext(configuration: configuration)
    }

    /// Whether `host` is an IP address literal (which TLS cannot send as the server name).
    var hostIsAddress: Bool {
        host.contains(":")
            || host.split(separator: ".").count == 4 && host.split(separator: ".").allSatisfy { UInt8($0) != nil }
    }
}

/// Why an SMTP conversation stopped before a mail transaction could finish.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    /// The step that failed (`connect`, `EHLO`, `STARTTLS`, `AUTH`, …).
    public var stage: String
    /// The server's reply, when it sent one.
    public var reply: SMTPReply?
    public var message: String

    public init(stage: String, reply: SMTPReply? = nil, _ message: String) {
        self.stage = stage
        self.reply = reply
        self.message = message
    }

    public var description: String {
        reply.map { "\(stage): \($0.code) \($0.text)" } ?? "\(stage): \(message)"
    }
}
