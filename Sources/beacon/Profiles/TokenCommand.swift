import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon token create|list|revoke`: workspace API tokens with scopes and expiry.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage workspace API tokens (read profiles and segments over HTTP).",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API token for a workspace and print it (shown once).",
            discussion: """
                Scopes are resource:read or resource:write (write includes read) over events, profiles, segments, \
                identity, destinations, activations, audit and privacy, plus personal:read to see personal fields \
                unmasked; '*' (the default) is every scope.
                """)
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "A label to tell tokens apart.") var label: String = "api"
        @Option(help: "Scopes, comma-separated or repeated (profiles:read,segments:write); '*' for all.")
        var scope: [String] = ["*"]
        @Option(help: "When the token stops working: an ISO-8601 time, or a duration from now like 30d, 12h, 90m.")
        var expires: String?

        func validate() throws {
            do {
                _ = try AccessScopes(parsing: scope.joined(separator: ","))
            } catch let e as AccessScopeError {
                throw ValidationError("--scope: \(e.message)")
            }
            if let expires, Self.expiry(expires, now: Date()) == nil {
                throw ValidationError("--expires: '\(expires)' is neither an ISO-8601 time nor a duration like 30d, 12h or 90m")
            }
        }

        /// `text` as an absolute time, or a duration (`30d`, `12h`, `90m`) after `now`.
        static func expiry(_ text: String, now: Date) -> Date? {
            if let date = Timestamp.parse(text) { return date }
            guard let unit = text.last, let n = Int(text.dropLast()), n > 0,
                let seconds = ["d": 86_400, "h": 3_600, "m": 60][String(unit)]
            else { return nil }
            return now.addingTimeInterval(Double(n * seconds))
        }

        func run() async throws {
            let scopes = try AccessScopes(parsing: scope.joined(separator: ","))
            let now = Date()
            let expiresAt = expires.flatMap { Self.expiry($0, now: now) }
            try await workspace.run { runtime, w in
                do {
                    let (token, record) = try await runtime.access.createToken(
                        workspace: w, label: label, scopes: scopes, expiresAt: expiresAt, actor: AuditActor.commandLine,
                        now: now)
                    print("API token: \(token)")
                    print("fingerprint \(record.fingerprint), scopes \(record.scopes)"
                        + (record.expiresAt.map { ", expires \(Timestamp.format($0))" } ?? ", never expires"))
                    print("Send it as 'Authorization: Bearer <token>'. Beacon keeps only its hash and cannot show it again.")
                } catch let e as AuditError {
                    throw CommandError("--\(e.field): \(e.message)")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a workspace's API tokens: fingerprint, label, created, scopes, expiry, last use.")
        @OptionGroup var workspace: WorkspaceCommandOptions

        func run() async throws {
            try await workspace.run { runtime, w in
                for token in try await runtime.access.tokens(of: w) {
                    let expires = token.expiresAt.map(Timestamp.format) ?? "never"
                    let used = token.lastUsedAt.map(Timestamp.format) ?? "never used"
                    print(
                        "\(token.fingerprint)\t\(token.label)\t\(Timestamp.format(token.createdAt))\t\(token.scopes)"
                            + "\texpires \(expires)\t\(used)")
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke an API token by its fingerprint (from `token list`); every server refuses it at once.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "The token's fingerprint: at least 8 of the hex digits `token list` shows.") var fingerprint: String

        func run() async throws {
            try await workspace.run { runtime, w in
                let token = try await runtime.access.revokeToken(of: w, fingerprint: fingerprint, actor: AuditActor.commandLine)
                print("revoked API token \(token.fingerprint) (\(token.label)) of \(w.name)")
            }
        }
    }
}
