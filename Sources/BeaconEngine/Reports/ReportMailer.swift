import BeaconCore
import BeaconStore
import Foundation

/// Sends a scheduled report's email through an email destination: its SMTP server, login
/// (the sealed password opened here) and sender address, to the schedule's dashboard user.
///
/// One SMTP session per report; a reply other than 250 to the message is an error naming the
/// stage and the reply, which the run records.
public struct ReportMailer: Sendable {
    let stores: Stores
    let secrets: @Sendable () throws -> SecretBox
    let timeout: TimeInterval

    public init(stores: Stores, secrets: @escaping @Sendable () throws -> SecretBox, timeout: TimeInterval = 30) {
        self.stores = stores
        self.secrets = secrets
        self.timeout = timeout
    }

    /// The sender and server of the schedule's destination.
    /// - Throws: `ReportScheduleError` naming `destination` when it is gone or not an email destination.
    public func settings(of schedule: ReportSchedule) async throws -> (settings: EmailSettings, password: String?) {
        guard let d = try await stores.activations.destination(workspaceId: schedule.workspaceId, id: schedule.destinationId),
            d.kind == .email
        else {
            throw ReportScheduleError(field: "destination", "the email destination '\(schedule.destinationId)' no longer exists")
        }
        let settings = try EmailSettings(url: d.url, settings: d.settings)
        let password = try d.sealedSecrets.first.map { try secrets().open($0) }
        return (settings, password)
    }

    /// Sends `email` over the destination's SMTP server.
    /// - Returns: the server's reply to the message.
    /// - Throws: `ReportScheduleError` naming `destination` with the SMTP stage and reply.
    @discardableResult
    public func send(_ email: ReportEmail, settings: EmailSettings, password: String?) async throws -> SMTPReply {
        let server = settings.server(password: password, timeout: timeout)
        let connection: SMTPConnection
        do {
            connection = try await SMTPConnection.open(server, tls: server.security == .none ? nil : try server.tlsContext())
        } catch {
            throw ReportScheduleError(field: "destination", "cannot reach the SMTP server \(settings.host):\(settings.port): \(error)")
        }
        do {
            let (stage, reply) = try await connection.send(
                from: email.from.address, to: email.to.address, message: SMTPData.encode(email.rendered()))
            await connection.quit()
            guard stage == .data, reply.code == 250 else {
                throw ReportScheduleError(field: "destination", "\(stage.rawValue): \(reply.code) \(reply.text)")
            }
            return reply
        } catch let error as ReportScheduleError {
            throw error
        } catch {
            connection.close()
            throw ReportScheduleError(field: "destination", "the SMTP session failed: \(error)")
        }
    }
}
