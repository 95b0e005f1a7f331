import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

extension DestinationsCommand {
    /// `beacon destinations create-email`: an SMTP destination with Mustache templates.
    struct CreateEmail: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-email",
            abstract: "Create an email destination: SMTP server, sender and Mustache templates over profile traits.",
            discussion: """
                The SMTP password is read from the file --password-file names, or from BEACON_SMTP_PASSWORD; \
                it is sealed and never shown again. Templates may use any trait a profile of the workspace has, \
                the computed traits, and email, user_id, profile_id and unsubscribe_url.
                """)
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "A name for the destination.") var name: String
        @Option(help: "SMTP server host name or IP address.") var host: String
        @Option(help: "SMTP port.") var port = 587
        @Option(help: "starttls, tls or none.") var security = "starttls"
        @Option(help: "SMTP user name (with a password).") var username: String?
        @Option(help: "A file holding the SMTP password.") var passwordFile: String?
        @Option(help: "The sender address.") var from: String
        @Option(help: "The sender's display name.") var fromName: String?
        @Option(help: "The subject template.") var subject: String
        @Option(help: "A file with the plain-text template.") var textFile: String
        @Option(help: "A file with the HTML template.") var htmlFile: String
        @Option(help: "The https address this server is reached at (unsubscribe links are <url>/u/<token>).")
        var unsubscribeUrl: String
        @Flag(help: "Connect to the SMTP server and log in before saving.") var verify = false
        @Flag(help: "Do not check the server's TLS certificate (self-signed relays only).")
        var insecureSkipVerify = false

        func validate() throws {
            guard SMTPServer.Security(rawValue: security) != nil else {
                throw ValidationError("--security must be starttls, tls or none, got '\(security)'")
            }
        }

        func run() async throws {
            let text = try read(textFile, option: "--text-file")
            let html = try read(htmlFile, option: "--html-file")
            let password =
                try passwordFile.map { try read($0, option: "--password-file") }
                .map { $0.trimmingCharacters(in: .newlines) }
                ?? ProcessInfo.processInfo.environment["BEACON_SMTP_PASSWORD"]
            let settings = EmailSettings(
                host: host, port: port, security: SMTPServer.Security(rawValue: security) ?? .starttls,
                username: username, from: from, fromName: fromName, subject: subject, text: text, html: html,
                unsubscribeBase: unsubscribeUrl, verifyCertificate: !insecureSkipVerify)
            try await workspace.run { runtime, ws in
                let d = try await runtime.activation.createEmailDestination(
                    workspaceId: ws.id, name: name, settings: settings, password: password, verify: verify)
                print("destination: \(d.id)")
            }
        }

        private func read(_ path: String, option: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("\(option): cannot read '\(path)'")
            }
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// `beacon destinations pause`.
    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop delivering to a destination (messages wait).")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Destination id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                print(
                    "\(id)\t\(try await runtime.activation.setActive(workspaceId: ws.id, id: id, false).state.rawValue)"
                )
            }
        }
    }

    /// `beacon destinations resume`.
    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deliver to a destination again (also after a 410 disabled it).")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Destination id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                print(
                    "\(id)\t\(try await runtime.activation.setActive(workspaceId: ws.id, id: id, true).state.rawValue)")
            }
        }
    }
}
