import BeaconCore
import Foundation

/// An email destination's configuration: its SMTP server, sender, templates and the base of
/// its one-click unsubscribe links.
///
/// It is stored in the destination as `url` (`smtp://host:port`) and the non-secret
/// `settings` (`security`, `username`, `from`, `fromName`, `subject`, `text`, `html`,
/// `unsubscribeUrl`, `verifyCertificate`); the SMTP password is the destination's sealed
/// secret. `validated` checks every field and throws `ActivationError` naming the first bad one.
public struct EmailSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var security: SMTPServer.Security
    public var username: String?
    public var from: String
    public var fromName: String?
    /// Mustache templates over profile traits.
    public var subject: String
    public var text: String
    public var html: String
    /// The https base of unsubscribe links: a message's link is `<base>/u/<token>`.
    public var unsubscribeBase: String
    public var verifyCertificate: Bool

    public init(
        host: String, port: Int, security: SMTPServer.Security = .starttls, username: String? = nil, from: String,
        fromName: String? = nil, subject: String, text: String, html: String, unsubscribeBase: String,
        verifyCertificate: Bool = true
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.from = from
        self.fromName = fromName
        self.subject = subject
        self.text = text
        self.html = html
        self.unsubscribeBase = unsubscribeBase
        self.verifyCertificate = verifyCertificate
    }

    /// The destination `url` for the server.
    public var url: String { "smtp://\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    /// The destination `settings` (non-secret).
    public var settings: [String: String] {
        var s = [
            "security": security.rawValue, "from": from, "subject": subject, "text": text, "html": html,
            "unsubscribeUrl": unsubscribeBase, "verifyCertificate": verifyCertificate ? "true" : "false",
        ]
        s["username"] = username
        s["fromName"] = fromName
        return s
    }

    /// The settings of a stored email destination.
    /// - Throws: `ActivationError` naming the field that is missing or wrong.
    public init(url: String, settings: [String: String]) throws {
        guard let components = URLComponents(string: url), components.scheme == "smtp", let host = components.host,
            let port = components.port
        else { throw ActivationError(field: "host", "the destination's address '\(url)' is not smtp://host:port") }
        self.init(
            host: host, port: port, security: SMTPServer.Security(rawValue: settings["security"] ?? "") ?? .starttls,
            username: settings["username"], from: settings["from"] ?? "", fromName: settings["fromName"],
            subject: settings["subject"] ?? "", text: settings["text"] ?? "", html: settings["html"] ?? "",
            unsubscribeBase: settings["unsubscribeUrl"] ?? "",
            verifyCertificate: settings["verifyCertificate"] != "false")
        try validate()
    }

    /// Checks every field but the templates' variables (which need the workspace's traits).
    /// - Throws: `ActivationError` naming `host`, `port`, `from`, `fromName`, `subject`, `text`,
    ///   `html` or `unsubscribeUrl`.
    public func validate() throws {
        try Self.checkHost(host)
        guard (1...65535).contains(port) else {
            throw ActivationError(field: "port", "must be a TCP port from 1 to 65535, not \(port)")
        }
        do {
            _ = try EmailAddress(from, name: fromName)
        } catch {
            throw ActivationError(field: "from", "must be the sender's email address, not '\(from)'")
        }
        if let fromName, fromName.count > 100 {
            throw ActivationError(field: "fromName", "must be at most 100 characters")
        }
        for (field, template) in [("subject", subject), ("text", text), ("html", html)] {
            guard !template.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ActivationError(field: field, "is required (a Mustache template over profile traits)")
            }
            guard template.utf8.count <= 256 * 1024 else {
                throw ActivationError(field: field, "must be at most 256 KB")
            }
        }
        guard let base = URL(string: unsubscribeBase), base.scheme?.lowercased() == "https", let h = base.host,
            !h.isEmpty,
            base.query == nil, !unsubscribeBase.contains(" ")
        else {
            throw ActivationError(
                field: "unsubscribeUrl",
                "must be the https address this server is reached at (RFC 8058 links are https), not '\(unsubscribeBase)'"
            )
        }
    }

    /// A host name or IP address.
    static func checkHost(_ host: String) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-:"))
        guard !host.isEmpty, host.count <= 253, host.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }),
            !host.hasPrefix("-"), !host.hasPrefix("."), !host.hasSuffix("."), !host.contains("..")
        else { throw ActivationError(field: "host", "must be a host name or IP address, not '\(host)'") }
    }

    /// The link a message to `token`'s address unsubscribes with.
    public func unsubscribeURL(token: String) -> String {
        (unsubscribeBase.hasSuffix("/") ? String(unsubscribeBase.dropLast()) : unsubscribeBase) + "/u/" + token
    }

    /// The SMTP server, with the opened password.
    public func server(password: String?, timeout: TimeInterval) -> SMTPServer {
        SMTPServer(
            host: host, port: port, security: security, username: username, password: password,
            heloName: (try? EmailAddress(from).domain) ?? "beacon.localhost", timeout: timeout,
            verifyCertificate: verifyCertificate)
    }
}
