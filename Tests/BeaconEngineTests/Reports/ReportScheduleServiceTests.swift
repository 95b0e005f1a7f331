import BeaconCore
import BeaconEngine
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing

/// Report schedules on both store backends: requests checked field by field, runs claimed once
/// by two runners racing for them, history recorded.
@Suite("Report schedules")
struct ReportScheduleServiceTests {
    static var backends: [String] {
        !TestPostgres.isAvailable ? ["sqlite"] : ["sqlite", "postgres"]
    }

    static func runtime(_ backend: String) async throws -> BeaconRuntime {
        let box = SecretBox.random()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-reports-\(UUID().uuidString)")
        let stores = try await StoreFactory.open(
            databaseURL: backend == "postgres" ? try await TestPostgres.url() : nil,
            dataDirectory: dir.path, logger: Logger(label: "test"))
        return BeaconRuntime(stores: stores, secrets: { box })
    }

    @Test("create checks every field; two runners claim a due run once; pause, resume, history", arguments: backends)
    func lifecycle(_ backend: String) async throws {
        let runtime = try await Self.runtime(backend)
        let tag = UUID().uuidString.prefix(8).lowercased()
        let (ws, _) = try await runtime.workspaces.create(name: "sched-\(tag)")
        let user = try await runtime.users.createUser(email: "cfo-\(tag)@example.com", name: "CFO", password: "correct horse battery", role: .admin)
        let settings = EmailSettings(
            host: "127.0.0.1", port: 2525, security: .none, from: "reports@example.com", subject: "s", text: "t", html: "h",
            unsubscribeBase: "https://beacon.test")
        let email = try await runtime.activation.createEmailDestination(
            workspaceId: ws.id, name: "mail", settings: settings, password: nil, verify: false)
        let hook = try await runtime.activation.createDestination(
            workspaceId: ws.id, name: "hook", type: "webhook", url: "https://hooks.example.com/x", secret: nil).destination
        let service = runtime.reportSchedules

        func field(_ body: () async throws -> ReportSchedule) async -> String? {
            do {
                _ = try await body()
                return nil
            } catch let e as ReportScheduleError {
                return e.field
            } catch {
                return "\(error)"
            }
        }
        #expect(await field { try await service.create(workspaceId: ws.id, userId: user.id, name: "r", schedule: "61 * * * *", time: nil, timeZone: "UTC", destinationId: email.id) } == "schedule")
        #expect(await field { try await service.create(workspaceId: ws.id, userId: user.id, name: "r", schedule: "daily", time: "25:00", timeZone: "UTC", destinationId: email.id) } == "time")
        #expect(await field { try await service.create(workspaceId: ws.id, userId: user.id, name: "r", schedule: "daily", time: nil, timeZone: "Europe/Nowhere", destinationId: email.id) } == "timeZone")
        #expect(await field { try await service.create(workspaceId: ws.id, userId: user.id, name: "r", schedule: "daily", time: nil, timeZone: "UTC", destinationId: hook.id) } == "destination")
        #expect(await field { try await service.create(workspaceId: ws.id, userId: "nobody", name: "r", schedule: "daily", time: nil, timeZone: "UTC", destinationId: email.id) } == "user")
        #expect(await field { try await service.create(workspaceId: ws.id, userId: user.id, name: " ", schedule: "daily", time: nil, timeZone: "UTC", destinationId: email.id) } == "name")
        #expect(try await service.schedules(workspaceId: ws.id).isEmpty)

        let s = try await service.create(
            workspaceId: ws.id, userId: user.id, name: "Weekly", schedule: "weekly", time: "07:00",
            timeZone: "Europe/Berlin", destinationId: email.id)
        #expect(s.cron == "0 7 * * 1" && s.active)
        let due = try #require(s.nextRunAt)
        // Two runners at the same instant: one claim between them.
        let after = due.addingTimeInterval(60)
        async let a = service.claimDue(owner: "a", now: after)
        async let b = service.claimDue(owner: "b", now: after)
        let claims = try await (a + b).filter { $0.schedule.id == s.id }
        #expect(claims.count == 1)
        let claim = try #require(claims.first)
        #expect(claim.run.scheduledAt == due && claim.run.status == .sending)
        #expect(claim.schedule.nextRunAt == due.addingTimeInterval(7 * 86_400))
        #expect(try await service.claimDue(owner: "c", now: after).filter { $0.schedule.id == s.id }.isEmpty)
        try await service.finish(claim, messageId: nil, error: "destination: RCPT TO: 550 no")

        let paused = try await service.setActive(workspaceId: ws.id, id: s.id, false)
        #expect(paused.nextRunAt == nil && !paused.active)
        #expect(try await service.claimDue(owner: "a", now: after.addingTimeInterval(30 * 86_400)).filter { $0.schedule.id == s.id }.isEmpty)
        #expect(try await service.setActive(workspaceId: ws.id, id: s.id, true).nextRunAt != nil)

        let manual = try await service.claimNow(workspaceId: ws.id, id: s.id, owner: "cli")
        try await service.finish(manual, messageId: "m@example.com", error: nil)
        let runs = try await service.runs(workspaceId: ws.id, scheduleId: s.id)
        #expect(runs.count == 2)
        let sent = try #require(runs.first { $0.trigger == .manual })
        #expect(sent.status == .sent && sent.sentAt != nil && sent.messageId == "m@example.com" && sent.owner == "cli")
        let failed = try #require(runs.first { $0.trigger == .schedule })
        #expect(failed.status == .failed && failed.sentAt == nil && failed.scheduledAt == due)
        #expect(failed.error == "destination: RCPT TO: 550 no" && ["a", "b"].contains(failed.owner))

        try await service.delete(workspaceId: ws.id, id: s.id)
        #expect(try await service.runs(workspaceId: ws.id, scheduleId: s.id).isEmpty)
        await #expect(throws: ReportScheduleError.self) { try await service.delete(workspaceId: ws.id, id: s.id) }
        try await runtime.close()
    }
}
