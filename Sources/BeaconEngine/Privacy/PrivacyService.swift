import BeaconCore
import BeaconStore
import Foundation

/// Data-subject rights and data lifetime over the whole store: export, erasure, suppression,
/// consent history and retention, each driven by `PersonalDataRegistry`.
///
/// A subject is named by any identifier (user id, anonymous id, email, phone, external id or
/// profile id); it stands for the person whose profile holds it, with every identifier and
/// every profile id that profile has had through merges.
///
/// Every action is recorded in the workspace's audit log under the `actor` the caller names
/// (`AuditActor`): changes (suppression, lift, erasure, retention rules) in the same transaction
/// as the change, reads of personal data (export, consent history) before they are returned.
/// Entries name the subject only by its pseudonym (`AuditLog.subjectReference`) and their
/// details hold counts and ids Beacon made, never an identifier, so an erasure leaves none of
/// the person's values in the audit log.
public struct PrivacyService: Sendable {
    let stores: Stores
    let engine: ProfileEngine
    let gate: SubjectSuppressionGate
    let audit: AuditLog
    /// Beacon's own export files (`<data-dir>/exports`), nil when it keeps none.
    let exportsDirectory: URL?
    let clock: @Sendable () -> Date

    public init(
        stores: Stores, engine: ProfileEngine, gate: SubjectSuppressionGate, audit: AuditLog, exportsDirectory: URL?,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.stores = stores
        self.engine = engine
        self.gate = gate
        self.audit = audit
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
        /// The value the audit log's pseudonym is made of: the profile id, or the normalised
        /// identifier when no profile holds it.
        public var auditKey: String
    }

    /// The audit pseudonym of a subject.
    func auditSubject(_ subject: Subject, workspaceId: String) async throws -> String {
        try await audit.subjectReference(workspaceId: workspaceId, profileId: subject.auditKey)
    }

    /// One audit draft by `actor`, timed by this service's clock.
    func draft(_ actor: String, _ action: String, subject: String?, _ detail: String) -> AuditDraft {
        AuditDraft(actor: actor, action: action, subject: subject, detail: detail, at: clock())
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
        let auditKey = profile?.id ?? Identifier.normalisedEmail(identifier) ?? Identifier.normalisedPhone(identifier) ?? identifier
        return Subject(
            profile: profile, identifiers: identifiers, keys: SubjectKeys(values: values, profileIds: profileIds),
            auditKey: auditKey)
    }

    // MARK: Export

    /// Everything stored about the subject, recorded as a read by `actor` (`privacy.export`).
    /// - Throws: `PrivacyError` (not found) when nothing at all is stored about it; the audit
    ///   store's error when the read cannot be recorded (the export is then not returned).
    public func export(workspaceId: String, identifier: String, actor: String) async throws -> SubjectExport {
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
        let rows = export.sections.reduce(0) { $0 + $1.rows.count }
        try await audit.record(
            draft(
                actor, "privacy.export", subject: try await auditSubject(subject, workspaceId: workspaceId),
                "\(export.sections.count) sections, \(rows) rows\(subject.profile == nil ? "" : ", profile")"),
            workspaceId: workspaceId)
        return export
    }

    // MARK: Consent

    /// The subject's consent history across all its identifiers, recorded as a read by `actor`
    /// (`privacy.consent.read`).
    public func consent(workspaceId: String, identifier: String, actor: String) async throws -> ConsentHistory {
        let subject = try await subject(workspaceId: workspaceId, identifier: identifier)
        let history = ConsentHistory(
            try await stores.privacy.consentRecords(workspaceId: workspaceId, identifierValues: subject.keys.values))
        try await audit.record(
            draft(
                actor, "privacy.consent.read", subject: try await auditSubject(subject, workspaceId: workspaceId),
                "\(history.records.count) consent records"),
            workspaceId: workspaceId)
        return history
    }

    // MARK: Suppression

    /// Suppresses the subject on behalf of `actor`: from when this returns, events carrying any
    /// of its identifiers are dropped before storage (`privacy.suppress` in the audit log).
    public func suppress(
        workspaceId: String, identifier: String, actor: String, reason: String = "request", id: String? = nil
    ) async throws -> SubjectSuppression {
        let subject = try await subject(workspaceId: workspaceId, identifier: identifier)
        return try await suppress(workspaceId: workspaceId, subject: subject, actor: actor, reason: reason, id: id)
    }

    func suppress(workspaceId: String, subject: Subject, actor: String, reason: String, id: String?) async throws
        -> SubjectSuppression
    {
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
        let kindCounts = counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
        let entry = draft(
            actor, "privacy.suppress", subject: try await auditSubject(subject, workspaceId: workspaceId),
            "suppression \(s.id) reason \(reason): \(kindCounts)")
        try await stores.privacy.addSuppression(
            s, hashes: hashes, audit: AuditChain.append([entry], workspaceId: workspaceId))
        await gate.suppressed(workspaceId: workspaceId)
        return s
    }

    public func suppressions(workspaceId: String) async throws -> [SubjectSuppression] {
        try await stores.privacy.suppressions(workspaceId: workspaceId)
    }

    /// Lifts a suppression on behalf of `actor`: the subject's events are stored again from the
    /// next request (`privacy.suppression.lift` in the audit log; the subject is not known by
    /// then, only its hashes, so the entry names the suppression).
    public func liftSuppression(workspaceId: String, id: String, actor: String) async throws {
        let entry = draft(actor, "privacy.suppression.lift", subject: nil, "suppression \(id)")
        guard
            try await stores.privacy.liftSuppression(
                workspaceId: workspaceId, id: id, audit: AuditChain.append([entry], workspaceId: workspaceId))
        else {
            throw PrivacyError(field: "suppression", "no suppression '\(id)' in this workspace", notFound: true)
        }
        await gate.suppressed(workspaceId: workspaceId)
    }

    /// Events dropped per workspace since the process started.
    public func droppedEvents() async -> [String: Int] { await gate.droppedCounts() }

    // MARK: Erasure

    /// Records a new erasure of the subject as running, requested by `actor`
    /// (`privacy.erasure.request`); run it with `runErasure`.
    public func requestErasure(workspaceId: String, identifier: String, actor: String) async throws -> ErasureJob {
        let trimmed = identifier.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw PrivacyError(field: "identifier", "must not be empty") }
        let job = ErasureJob(
            workspaceId: workspaceId, id: "era_" + Self.token(), subjectHash: SubjectHash.of(trimmed, workspaceId: workspaceId),
            suppressionId: "sup_" + Self.token(), state: .running, requestedAt: Timestamp.truncated(clock()))
        let entry = draft(actor, "privacy.erasure.request", subject: nil, "erasure \(job.id)")
        try await stores.privacy.saveErasure(job, audit: AuditChain.append([entry], workspaceId: workspaceId))
        return job
    }

    /// Erases the subject now on behalf of `actor` and returns the finished job.
    public func erase(workspaceId: String, identifier: String, actor: String) async throws -> ErasureJob {
        let job = try await requestErasure(workspaceId: workspaceId, identifier: identifier, actor: actor)
        return await runErasure(job, identifier: identifier, actor: actor)
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
    ///
    /// The suppression is recorded in the audit log as `privacy.suppress`, and the outcome as
    /// `privacy.erasure.done` (with the subject's pseudonym) or `privacy.erasure.failed`, in the
    /// same transaction as the job's final state.
    public func runErasure(_ job: ErasureJob, identifier: String, actor: String) async -> ErasureJob {
        var job = job
        var auditSubject: String?
        do {
            let subject = try await subject(workspaceId: job.workspaceId, identifier: identifier)
            auditSubject = try await self.auditSubject(subject, workspaceId: job.workspaceId)
            var report = ErasureReport()
            let s = try await suppress(
                workspaceId: job.workspaceId, subject: subject, actor: actor, reason: "erasure:\(job.id)",
                id: job.suppressionId)
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
        let outcome: String
        if let report = job.report {
            let rows = report.rowsDeleted.values.reduce(0, +)
            outcome = "erasure \(job.id): \(rows) rows deleted, \(report.filesRewritten.count) files rewritten"
        } else {
            outcome = "erasure \(job.id): \(job.error ?? "failed")"
        }
        let entry = draft(actor, "privacy.erasure.\(job.state == .done ? "done" : "failed")", subject: auditSubject, outcome)
        do {
            try await stores.privacy.saveErasure(job, audit: AuditChain.append([entry], workspaceId: job.workspaceId))
        } catch {
            // The outcome cannot be recorded with its audit entry: keep the job's state at least.
            try? await stores.privacy.saveErasure(job, audit: nil)
        }
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

    /// Keeps events named `eventName` (`*`: all events) for `days` days of event time; nil removes
    /// the rule. Recorded as `privacy.retention.set` by `actor`.
    public func setRetention(workspaceId: String, eventName: String, days: Int?, actor: String) async throws {
        let name = eventName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw PrivacyError(field: "event", "must name a track event, or * for every event") }
        if let days, !(1...36_500).contains(days) {
            throw PrivacyError(field: "days", "must be a whole number of days from 1 to 36500")
        }
        let entry = draft(
            actor, "privacy.retention.set", subject: nil,
            "event \(name == RetentionRule.allEvents ? "*" : "'\(name)'") " + (days.map { "\($0) days" } ?? "rule removed"))
        try await stores.privacy.setRetention(
            workspaceId: workspaceId, eventName: name, maxAgeDays: days, at: clock(),
            audit: AuditChain.append([entry], workspaceId: workspaceId))
    }

    /// What a retention run did.
    public struct RetentionReport: Sendable, Equatable {
        public var eventsDeleted: Int
        public var eventsRefolded: Int
    }

    /// Deletes the events the workspace's rules expire now (by event time) and recomputes
    /// profiles, identities and memberships from what remains, in the same run.
    ///
    /// Recorded as `privacy.retention.run` by `actor` when a person asked for the run, and for
    /// the server's periodic runs (`AuditActor.system`) only when they deleted something.
    public func runRetention(workspaceId: String, actor: String) async throws -> RetentionReport {
        let rules = try await stores.privacy.retentionRules(workspaceId: workspaceId)
        var report = RetentionReport(eventsDeleted: 0, eventsRefolded: 0)
        if !rules.isEmpty {
            report.eventsDeleted = try await stores.privacy.applyRetention(workspaceId: workspaceId, rules: rules, now: clock())
        }
        if report.eventsDeleted > 0 {
            report.eventsRefolded = try await rebuild(workspaceId)
            try await stores.privacy.reclaimSpace(tables: ["events", "commerce_facts", "identity_links"])
        }
        if actor != AuditActor.system || report.eventsDeleted > 0 {
            try await audit.record(
                draft(
                    actor, "privacy.retention.run", subject: nil,
                    "\(rules.count) rules, \(report.eventsDeleted) events deleted, \(report.eventsRefolded) refolded"),
                workspaceId: workspaceId)
        }
        return report
    }

    /// Runs retention for every workspace that has rules (the server's periodic run); a
    /// workspace that fails is reported and the others still run.
    public func runRetentionEverywhere() async -> [String: Result<RetentionReport, any Error>] {
        var out: [String: Result<RetentionReport, any Error>] = [:]
        guard let all = try? await stores.workspaces.listWorkspaces() else { return out }
        for ws in all {
            do {
                out[ws.id] = .success(try await runRetention(workspaceId: ws.id, actor: AuditActor.system))
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
