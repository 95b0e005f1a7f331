import BeaconCore
import BeaconStore
import Foundation

extension ActivationService {
    /// A new email destination: its settings checked whole (server address, sender, templates
    /// against the workspace's traits, unsubscribe base), the SMTP server tried when `verify`
    /// is set, and the password sealed. Nothing is stored when any check fails.
    ///
    /// The password is sealed even when there is none (as ""): unsubscribe links are sealed
    /// with the server's key too, so a server that cannot open the destination's secret must
    /// not send its emails; their links would not open on the servers that made the destination.
    /// - Throws: `ActivationError` naming the field (`host`, `port`, `from`, `subject`,
    ///   `text`, `html`, `unsubscribeUrl`, `password`, …).
    public func createEmailDestination(
        workspaceId: String, name: String, settings: EmailSettings, password: String?, verify: Bool
    ) async throws -> Destination {
        let name = try Self.checkName(name)
        try settings.validate()
        _ = try EmailTemplates(settings, knownNames: try await templateNames(workspaceId: workspaceId))
        if settings.username != nil && (password ?? "").isEmpty {
            throw ActivationError(field: "password", "is required with a username")
        }
        if verify { try await Self.verify(settings, password: password, timeout: verifyTimeout) }
        let box = try secrets()
        var destination = Destination(
            workspaceId: workspaceId, id: "dst_" + Self.token(), name: name, kind: .email, url: settings.url,
            sealedSecrets: [try box.seal(password ?? "")], createdAt: Timestamp.truncated(clock()))
        destination.settings = settings.settings
        do {
            try await stores.activations.createDestination(destination)
        } catch let error as StoreError where error.code == .conflict {
            throw ActivationError(field: "name", "a destination named '\(name)' already exists", conflict: true)
        }
        return destination
    }

    /// The names an email template of the workspace may use: every trait a profile has, the
    /// computed traits and `EmailTemplates.builtInNames`.
    public func templateNames(workspaceId: String) async throws -> Set<String> {
        let vocabulary = try await engine.segmentVocabulary(workspaceId: workspaceId, limit: 10_000)
        return Set(vocabulary.traits).union(Profile.computedTraitNames).union(EmailTemplates.builtInNames)
    }

    /// Connects to the SMTP server, says EHLO, upgrades to TLS and logs in as configured, then quits.
    /// - Throws: `ActivationError` naming `host` (unreachable, refused, no answer within
    ///   `timeout` per step, closed mid-conversation), `security` (no STARTTLS, a failed TLS
    ///   handshake) or `password` (login refused).
    static func verify(_ settings: EmailSettings, password: String?, timeout: TimeInterval) async throws {
        let server = settings.server(password: password, timeout: timeout)
        do {
            let connection = try await SMTPConnection.open(
                server, tls: server.security == .none ? nil : try server.tlsContext())
            await connection.quit()
        } catch let error as SMTPError {
            let field =
                switch error.stage {
                case "STARTTLS", "TLS": "security"
                case "AUTH": "password"
                default: "host"
                }
            throw ActivationError(
                field: field, "the SMTP server \(settings.host):\(settings.port) could not be used: \(error)")
        }
    }

    /// The workspace's suppressed addresses, newest first.
    public func emailSuppressions(workspaceId: String, limit: Int = 1000) async throws -> [EmailSuppression] {
        try await stores.emailSuppressions.suppressions(workspaceId: workspaceId, limit: limit)
    }

    /// Suppresses an address (an address already suppressed keeps its first reason).
    /// - Throws: `ActivationError` naming `address` when it is not an email address.
    @discardableResult
    public func suppressEmail(
        workspaceId: String, address: String, reason: EmailSuppression.Reason = .manual, detail: String = ""
    ) async throws -> EmailSuppression {
        guard let valid = try? EmailAddress(address) else {
            throw ActivationError(field: "address", "'\(address)' is not an email address")
        }
        let s = EmailSuppression(
            workspaceId: workspaceId, address: valid.address, reason: reason, detail: detail,
            createdAt: Timestamp.truncated(clock()))
        try await stores.emailSuppressions.suppress(s)
        return try await stores.emailSuppressions.suppression(workspaceId: workspaceId, address: s.address) ?? s
    }

    /// Lifts an address's suppression, so email destinations send to it again.
    /// - Throws: `ActivationError` (not found) naming `address` when it was not suppressed.
    public func removeEmailSuppression(workspaceId: String, address: String) async throws {
        guard try await stores.emailSuppressions.remove(workspaceId: workspaceId, address: address) else {
            throw ActivationError(field: "address", "'\(address)' is not suppressed in this workspace", notFound: true)
        }
    }

    /// The address and workspace an unsubscribe link names, or nil when the token is not one
    /// this server made.
    public func unsubscribeToken(_ token: String) throws -> UnsubscribeToken? {
        UnsubscribeToken.open(token, with: try secrets())
    }

    /// Suppresses the address of an unsubscribe link (RFC 8058 one-click or the confirmation page).
    /// - Returns: the token's contents, or nil when the token is not one this server made.
    public func unsubscribe(token: String) async throws -> UnsubscribeToken? {
        guard let t = try unsubscribeToken(token) else { return nil }
        try await stores.emailSuppressions.suppress(
            EmailSuppression(
                workspaceId: t.workspaceId, address: t.address, reason: .unsubscribe,
                detail: "one-click unsubscribe (destination \(t.destinationId))",
                createdAt: Timestamp.truncated(clock())))
        return t
    }
}
