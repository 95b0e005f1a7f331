import BeaconCore
import BeaconStore
import Foundation

/// The event log behind `SubjectSuppressionGate`: every append (HTTP ingest, webhook
/// sources, imports) goes through the gate, so a suppressed subject's events are dropped
/// before storage on every path; reads pass straight through.
struct SuppressingEventStore: EventStore {
    let base: any EventStore
    let gate: SubjectSuppressionGate

    func append(_ batches: [EventBatch]) async throws -> [AppendResult] {
        let (kept, ticket) = try await gate.admit(batches)
        do {
            let results = try await base.append(kept)
            await gate.finish(ticket)
            return results
        } catch {
            await gate.finish(ticket)
            throw error
        }
    }

    func replaceEvents(in workspaceId: String, messageIdPrefixes: [String], with events: [Event]) async throws
        -> EventReplacement
    {
        let (kept, ticket) = try await gate.admit([EventBatch(workspaceId: workspaceId, events: events)])
        do {
            let result = try await base.replaceEvents(
                in: workspaceId, messageIdPrefixes: messageIdPrefixes, with: kept.flatMap(\.events))
            await gate.finish(ticket)
            return result
        } catch {
            await gate.finish(ticket)
            throw error
        }
    }

    func events(in workspaceId: String, from: Date?, to: Date?, after: Int64?, limit: Int) async throws -> [StoredEvent] {
        try await base.events(in: workspaceId, from: from, to: to, after: after, limit: limit)
    }

    func newestEvents(in workspaceId: String, limit: Int) async throws -> [StoredEvent] {
        try await base.newestEvents(in: workspaceId, limit: limit)
    }

    func eventCount(in workspaceId: String) async throws -> Int { try await base.eventCount(in: workspaceId) }

    func containsEvent(workspaceId: String, messageId: String) async throws -> Bool {
        try await base.containsEvent(workspaceId: workspaceId, messageId: messageId)
    }
}
