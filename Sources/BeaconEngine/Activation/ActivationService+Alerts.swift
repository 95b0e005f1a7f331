import BeaconCore
import BeaconStore
import Foundation

extension ActivationService {
    /// Sends alerts on unusual days and failed data checks of the series named in `series`
    /// (empty: all) to a webhook or email destination (`ActivationTrigger.alert`); an email
    /// destination needs `email`, the address the alerts go to.
    /// - Throws: `ActivationError` naming `destination` (unknown, or an audience sync destination),
    ///   `email` (missing for an email destination, or not an address) or `series` (a blank name).
    public func activateAlerts(workspaceId: String, destination: String, series: [String], email: String?)
        async throws -> Activation
    {
        let d = try await self.destination(workspaceId: workspaceId, id: destination)
        guard d.kind == .webhook || d.kind == .email else {
            throw ActivationError(field: "destination", "alerts go to a webhook or email destination")
        }
        if series.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ActivationError(field: "series", "a series name is blank")
        }
        if d.kind == .email {
            guard let email, (try? EmailAddress(email)) != nil else {
                throw ActivationError(field: "email", "an email destination needs the address alerts go to")
            }
        }
        let a = Activation(
            workspaceId: workspaceId, id: "act_" + Self.token(), destinationId: destination,
            trigger: .alert(series: series, email: email), createdAt: Timestamp.truncated(clock()))
        try await stores.activations.createActivation(a)
        return a
    }

    /// Queues each alert to every alert activation that covers its series, in one outbox
    /// transaction; an alert already queued for a destination (the same flag) is not queued
    /// again. Returns the messages that were new.
    public func sendAlerts(workspaceId: String, _ alerts: [AnomalyAlert]) async throws -> [OutboxMessage] {
        let now = clock()
        var messages: [OutboxMessage] = []
        var seen: Set<String> = []
        for a in try await stores.activations.activations(workspaceId: workspaceId) {
            guard case .alert(_, let email) = a.trigger else { continue }
            for alert in alerts where a.trigger.alerts(on: alert.series) {
                let m = alert.message(workspaceId: workspaceId, destination: a.destinationId, email: email, now: now)
                guard seen.insert(m.id).inserted else { continue }
                if try await stores.outbox.message(workspaceId: workspaceId, id: m.id) == nil { messages.append(m) }
            }
        }
        try await stores.outbox.enqueue(messages)
        return messages
    }

    /// Scans the workspace's daily series as of `asOf` (default: its last event) and queues an
    /// alert for every flag on the last `days` days (`AnomalyScan`, `sendAlerts`) and for every
    /// data check that finds something on those days (`DataChecks`). The scan reads
    /// the store's daily sums (`WorkspaceAnalytics.anomalies`), not the event log.
    public func scanAndAlert(workspaceId: String, asOf: Date?, days: Int = 7) async throws
        -> (alerts: [AnomalyAlert], queued: [OutboxMessage])
    {
        let analytics = WorkspaceAnalytics(queries: stores.analytics)
        let scan = try await analytics.anomalies(of: workspaceId, asOf: asOf)
        var last = asOf
        if last == nil { last = try await analytics.span(of: workspaceId).last }
        let end = last ?? clock()
        var alerts = AnomalyAlert.alerts(from: scan, sinceDay: AnomalyScan.day(end) - days + 1)
        // The data checks of the same days (attribution is not run here: its check belongs to the
        // attribution page and the report).
        let checks = try await analytics.dataChecks(
            of: workspaceId, scan: scan, from: end.addingTimeInterval(-Double(days) * 86_400), asOf: end)
        alerts += AnomalyAlert.alerts(from: checks, day: CivilCalendar.dayLabel(AnomalyScan.day(end)))
        return (alerts, try await sendAlerts(workspaceId: workspaceId, alerts))
    }

    /// `scanAndAlert` for every workspace with an alert activation, each as of its own last
    /// event, over the last `days` days; one workspace's failure does not stop the others.
    /// Returns, per workspace scanned, how many alert messages it queued or why it failed.
    public func alertEverywhere(days: Int = 7) async -> [String: Result<Int, any Error>] {
        var out: [String: Result<Int, any Error>] = [:]
        guard let all = try? await stores.workspaces.listWorkspaces() else { return out }
        for ws in all {
            do {
                let wantsAlerts = try await stores.activations.activations(workspaceId: ws.id).contains {
                    if case .alert = $0.trigger { return true }
                    return false
                }
                guard wantsAlerts else { continue }
                out[ws.id] = .success(try await scanAndAlert(workspaceId: ws.id, asOf: nil, days: days).queued.count)
            } catch {
                out[ws.id] = .failure(error)
            }
        }
        return out
    }
}
