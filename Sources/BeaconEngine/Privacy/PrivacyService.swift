import BeaconCore
import BeaconStore
import Foundation

/// Data-subject rights and data lifetime over the whole store: export, erasure, suppression,
/// consent history and retention, each driven by `PersonalDataRegistry`.
///
/// A subject is named by any identifier (user id, anonymous id, email, phone, external id or
/// profile id); it stands for the person whose profile holds it, with every identifier and
/// every profile id that profile has had through merges.
public struct PrivacyService: Sendable {
    let stores: Stores
    let engine: ProfileEngine
    let gate: SubjectSuppressionGate
    /// Beacon's own export files (`<data-dir>/exports`), nil when it keeps none.
    let exportsDirectory: URL?
    let clock: @Sendable () -> Date

    public init(
        stores: Stores, engine: ProfileEngine, gate: SubjectSuppressionGate, exportsDirectory: URL?,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.stores = stores
        self.engine = engine
        self.gate = gate
        self.exportsDirectory = exportsDirectory
        self.clock = clock
    }

    /// The exports folder inside a data directory.
    public static func exportsDirectory(in dataDirectory: String) -> URL {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent("exports")
    }

    /// One resolved subject.
    public struct Subject: Sendable {
        public var profile: Profile?
        public var identifiers: [Identifier]
        public var keys: SubjectKeys
    }

    /// The subject `identifier` names, after folding every stored event into profiles.
    public func subject(workspaceId: String, identifier raw: String) async throws -> Subject {
        let identifier = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !identifier.isEmpty else { throw PrivacyError(field: "identifier", "must not be empty") }
        _ = try await engine.catchUp(workspaceId: workspaceId)
        let profiles = stores.profiles
        var profile = try await profiles.profile(workspaceId: workspaceId, id: identifier)
        if profile == nil {
            var candidates = [identifier]
            if let e = Identifier.normalisedEmail(identifier) { candidates.append(e) }
            if let p = Identifier.normalisedPhone(identifier) { candidates.append(p) }
            for c in candidates {
                if let id = try await profiles.profileId(workspaceId: workspaceId, identifierValue: c, kind: nil) {
                    profile = try await profiles.profile(workspaceId: workspaceId, id: id)
                    break
                }
            }
        }
        var values = [identifier]
        var profileIds: [String] = []
        var identifiers: [Identifier] = []
        if let p = profile {
            identifiers = p.identifiers
            values += p.identifiers.map(\.value)
            if let e = p.email { values.append(e) }
            profileIds.append(p.id)
            for m in try await profiles.identityMerges(workspaceId: workspaceId, profileId: p.id, limit: 10_000) {
                profileIds += [m.into, m.from]
            }
        } else if let e = Identifier.normalisedEmail(identifier) {
            values.append(e)
        }
        return Subject(profile: profile, identifiers: identifiers, keys: SubjectKeys(values: values, profileIds: profileIds))
    }

    // MARK: Export

    /// Everything stored about the subject.
    /// - Throws: `PrivacyError` (not found) when nothing at all is stored about it.
    public func export(workspaceId: String, identifier: String) async throws -> SubjectExport {
        let subject = try await subject(workspaceId: workspaceId, identifier: identifier)
        var sections: [(section: String, table: String, rows: [[String: JSONValue]])] = []
        for s in try await stores.privacy.subjectRows(workspaceId: workspaceId, subject: subject.keys) {
            let table = PersonalDataRegistry.table(s.table)!
            sections.append((s.section, s.table, s.rows.map { SubjectExport.json($0, table: table) }))
        }
        var profileJSON: JSONValue?
        if let p = subject.profile {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            profileJSON = try JSONValue.parse(try encoder.encode(p))
        }
        let export = SubjectExport(
            workspaceId: workspaceId, identifier: identifier, generatedAt: clock(), profile: profileJSON,
            sections: sections)
        guard !export.isEmpty else {
            throw PrivacyError(field: "identifier", "nothing is stored about '\(identifier)' in this workspace", notFound: true)
        }
        // Audit: a read of personal data (the export) belongs in the audit log here.
        return export
    }

    // MARK: Consent

    /// The subject's consent history across all its identifiers.
    public func consent(workspaceId: String, identifier: String) async throws -> ConsentHistory {
        let subject = try await subject(workspaceId: workspaceId, identifier: identifier)
        return ConsentHistory(try await stores.privacy.consentRecords(workspaceId: workspaceId, identifierValues: subject.keys.values))
    }

    // MARK: Suppression

    /// Suppresses the subject: from when this returns, events carrying any of its identifiers
    /// are dropped before storage.
    public func suppress(workspaceId: String, identifier: String, reason: String = "request", id: String? = nil)
        async throws -> SubjectSuppression
    {
        let subject = try await subject(workspaceId: workspaceId, identifier: identifier)
        return try await suppress(workspaceId: workspaceId, subject: subject, reason: reason, id: id)
    }

    func suppress(workspaceId: String, subject: Subject, reason: String, id: String?) async throws -> SubjectSuppression {
        var kinds: [String: String] = [:]
        for i in subject.identifiers { kinds[i.value] = i.kind }
        var hashes: [(hash: String, kind: String)] = []
        var counts: [String: Int] = [:]
        for v in subject.keys.values {
            let kind = kinds[v] ?? "identifier"
            hashes.append((SubjectHash.of(v, workspaceId: workspaceId), kind))
            counts[kind, default: 0] += 1
        }
        let s = SubjectSuppression(
            workspaceId: workspaceId, id: id ?? "sup_" + Self.token(), reason: reason, identifierKinds: counts,
            createdAt: Timestamp.truncated(clock()))
        try await stores.privacy.addSuppression(s, hashes: hashes)
        await gate.suppressed(workspaceId: workspaceId)
        // Audit: a suppression added belongs in the audit log here.
        return s
    }

    public func suppressions(workspaceId: String) async throws -> [SubjectSuppression] {
        try await stores.privacy.suppressions(workspaceId: workspaceId)
    }

    /// Lifts a suppression: the subject's events are stored again from the next request.
    public func liftSuppression(workspaceId: String, id: String) async throws {
        guard try await stores.privacy.liftSuppression(workspaceId: workspaceId, id: id) else {
            throw PrivacyError(field: "suppression", "no suppression '\(id)' in this workspace", notFound: true)
        }
        await gate.suppressed(workspaceId: workspaceId)
        // Audit: a suppression lifted belongs in the audit log here.
    }

    /// Events dropped per workspace since the process started.
    public func droppedEvents() async -> [String: Int] { await gate.droppedCounts() }

    // MARK: Erasure

    /// Records a new erasure of the subject as running; run it with `runErasure`.
    public func requestErasure(workspaceId: String, identifier: String) async throws -> ErasureJob {
        let trimmed = identifier.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw PrivacyError(field: "identifier", "must not be empty") }
        let job = ErasureJob(
            workspaceId: workspaceId, id: "era_" + Self.token(), subjectHash: SubjectHash.of(trimmed, workspaceId: workspaceId),
            suppressionId: "sup_" + Self.token(), state: .running, requestedAt: Timestamp.truncated(clock()))
        try await stores.privacy.saveErasure(job)
        // Audit: an erasure requested belongs in the audit log here.
        return job
    }

    /// Erases the subject now and returns the finished job.
    public func erase(workspaceId: String, identifier: String) async throws -> ErasureJob {
        let job = try await requestErasure(workspaceId: workspaceId, identifier: identifier)
        return await runErasure(job, identifier: identifier)
    }

    /// Runs a requested erasure to its end, recording done (with its report) or failed.
    ///
    /// 1. the subject is suppressed (hashes only) and in-flight appends drain, so nothing of
    ///    theirs is stored after this point; 2. their rows are deleted from every subject and
    ///    derived table of the registry and free text quoting them blanked; 3. profiles,
    ///    identities and memberships are rebuilt from the remaining log (aggregates then
    ///    differ by exactly the subject's contribution) and rows the rebuild derived again are
    ///    deleted; 4. Beacon's export files are rewritten without them; 5. the space is
    ///    reclaimed physically (SQLite WAL truncated, PostgreSQL vacuumed).
    public func runErasure(_ job: ErasureJob, identifier: String) async -> ErasureJob {
        var job = job
        do {
            let subject = try await subject(workspaceId: job.workspaceId, identifier: identifier)
            var report = ErasureReport()
            let s = try await suppress(
                workspaceId: job.workspaceId, subject: subject, reason: "erasure:\(job.id)", id: job.suppressionId)
            report.identifiersSuppressed = s.identifierKinds
            let first = try await stores.privacy.eraseSubject(workspaceId: job.workspaceId, subject: subject.keys)
            report.rowsDeleted = first.deleted
            report.cellsScrubbed = first.scrubbed
            report.eventsRefolded = try await rebuild(job.workspaceId)
            let second = try await stores.privacy.eraseSubject(workspaceId: job.workspaceId, subject: subject.keys)
            report.rowsDeleted.merge(second.deleted, uniquingKeysWith: +)
            report.cellsScrubbed.merge(second.scrubbed, uniquingKeysWith: +)
            if let dir = exportsDirectory {
                report.filesRewritten = try ExportFileScrubber(directory: dir).scrub(values: subject.keys.values)
            }
            try await stores.privacy.reclaimSpace(tables: PersonalDataRegistry.subjectTables.map(\.name))
            job.state = .done
            job.report = report
        } catch {
            job.state = .failed
            job.error = Self.describe(error)
        }
        job.finishedAt = Timestamp.truncated(clock())
        try? await stores.privacy.saveErasure(job)
        // Audit: the erasure's outcome belongs in the audit log here.
        if job.state == .done { try? await stores.privacy.reclaimSpace(tables: ["privacy_erasures"]) }
        return job
    }

    /// A failure's text without any of the subject's values (errors here name tables and fields).
    static func describe(_ error: any Error) -> String {
        switch error {
        case let e as PrivacyError: return e.description
        case let e as StoreError: return "store: \(e.code.rawValue)"
        default: return String(describing: type(of: error))
        }
    }

    public func erasure(workspaceId: String, id: String) async throws -> ErasureJob {
        guard let job = try await stores.privacy.erasure(workspaceId: workspaceId, id: id) else {
            throw PrivacyError(field: "erasure", "no erasure '\(id)' in this workspace", notFound: true)
        }
        return job
    }

    /// Rebuilds the workspace's profiles, waiting for a rebuild already under way to end.
    func rebuild(_ workspaceId: String) async throws -> Int {
        while true {
            do {
                return try await engine.rebuild(workspaceId: workspaceId).events
            } catch RebuildError.alreadyRunning {
                try await Task.sleep(nanoseconds: 100_000_000)
            }
        }
    }

    // MARK: Retention

    public func retentionRules(workspaceId: String) async throws -> [RetentionRule] {
        try await stores.privacy.retentionRules(workspaceId: workspaceId)
    }

    /// Keeps events named `eventName` (`*`: all events) for `days` days of event time; nil removes the rule.
    public func setRetention(workspaceId: String, eventName: String, days: Int?) async throws {
        let name = eventName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw PrivacyError(field: "event", "must name a track event, or * for every event") }
        if let days, !(1...36_500).contains(days) {
            throw PrivacyError(field: "days", "must be a whole number of days from 1 to 36500")
        }
        try await stores.privacy.setRetention(workspaceId: workspaceId, eventName: name, maxAgeDays: days, at: clock())
    }

    /// What a retention run did.
    public struct RetentionReport: Sendable, Equatable {
        public var eventsDeleted: Int
        public var eventsRefolded: Int
    }

    /// Deletes the events the workspace's rules expire now (by event time) and recomputes
    /// profiles, identities and memberships from what remains, in the same run.
    public func runRetention(workspaceId: String) async throws -> RetentionReport {
        let rules = try await stores.privacy.retentionRules(workspaceId: workspaceId)
        guard !rules.isEmpty else { return RetentionReport(eventsDeleted: 0, eventsRefolded: 0) }
        let deleted = try await stores.privacy.applyRetention(workspaceId: workspaceId, rules: rules, now: clock())
        guard deleted > 0 else { return RetentionReport(eventsDeleted: 0, eventsRefolded: 0) }
        let refolded = try await rebuild(workspaceId)
        try await stores.privacy.reclaimSpace(tables: ["events", "commerce_facts", "identity_links"])
        return RetentionReport(eventsDeleted: deleted, eventsRefolded: refolded)
    }

    /// Runs retention for every workspace that has rules (the server's periodic run); a
    /// workspace that fails is reported and the others still run.
    public func runRetentionEverywhere() async -> [String: Result<RetentionReport, any Error>] {
        var out: [String: Result<RetentionReport, any Error>] = [:]
        guard let all = try? await stores.workspaces.listWorkspaces() else { return out }
        for ws in all {
            do {
                out[ws.id] = .success(try await runRetention(workspaceId: ws.id))
            } catch {
                out[ws.id] = .failure(error)
            }
        }
        return out
    }

    static func token() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20).description
    }
}
