import BeaconCore
import BeaconEngine
import Foundation

/// The body of `POST /api/destinations` with `"type": "email"`: the SMTP server, sender,
/// templates and unsubscribe base, read field by field with problems naming the field.
///
/// `{"name", "type": "email", "host", "port", "security": "starttls|tls|none", "username",
/// "password", "from", "fromName", "subject", "text", "html", "unsubscribeUrl",
/// "verifyCertificate": true, "verify": false}`; with `verify` the server is tried before
/// anything is stored.
enum EmailDestinationRequest {
    static func create(_ body: [String: JSONValue], workspaceId: String, service: ActivationService) async throws
        -> Destination
    {
        let name = try string(body, "name")
        let host = try string(body, "host")
        let port = try integer(body, "port") ?? 587
        let securityText = try optionalString(body, "security") ?? (port == 465 ? "tls" : "starttls")
        guard let security = SMTPServer.Security(rawValue: securityText) else {
            throw ProblemDetails(
                .badRequest, detail: "security must be starttls, tls or none, not '\(securityText)'", field: "security")
        }
        let settings = EmailSettings(
            host: host, port: port, security: security, username: try optionalString(body, "username"),
            from: try string(body, "from"), fromName: try optionalString(body, "fromName"),
            subject: try string(body, "subject"), text: try string(body, "text"), html: try string(body, "html"),
            unsubscribeBase: try string(body, "unsubscribeUrl"),
            verifyCertificate: try bool(body, "verifyCertificate") ?? true)
        let password = try optionalString(body, "password")
        let verify = try bool(body, "verify") ?? false
        return try await ProblemDetails.answering {
            try await service.createEmailDestination(
                workspaceId: workspaceId, name: name, settings: settings, password: password, verify: verify)
        }
    }

    /// An optional integer field (a JSON number or a string of digits).
    static func integer(_ body: [String: JSONValue], _ field: String) throws -> Int? {
        guard let value = body[field] else { return nil }
        if case .number(let n) = value, n.rounded() == n, abs(n) < 1e9 { return Int(n) }
        if case .string(let s) = value, let n = Int(s) { return n }
        throw ProblemDetails(
            .badRequest, detail: "\(field) must be an integer, got \(value.typeDescription)", field: field)
    }

    /// An optional boolean field.
    static func bool(_ body: [String: JSONValue], _ field: String) throws -> Bool? {
        guard let value = body[field] else { return nil }
        guard case .bool(let b) = value else {
            throw ProblemDetails(.badRequest, detail: "\(field) must be true or false", field: field)
        }
        return b
    }
}
