import BeaconCore
import BeaconEngine
import Synchronization

/// Who is making the request being handled and what they may see, for handlers that record
/// audit entries or mask personal fields.
///
/// `AccessMiddleware` binds it (a task-local value, as `DashboardSession.user`) around the
/// handler. Nil outside a request that passed the access check.
struct RequestAccess: Sendable {
    @TaskLocal static var current: RequestAccess?

    /// The audit actor: `token:<fingerprint>` or `user:<id>`.
    var actor: String
    /// The workspace a token belongs to, or the one a dashboard user selected; nil for routes
    /// that select none.
    var workspace: Workspace?
    /// Whether personal fields are shown unmasked.
    var personalData: Bool
    /// A dashboard user's role in `workspace` (nil for tokens).
    var role: WorkspaceRole?
    /// The route's row of the policy.
    var route: RouteAccess
    /// Subjects and details the handler noted for the audit entry.
    let notes = AuditNotes()

    init(actor: String, workspace: Workspace?, personalData: Bool, route: RouteAccess, role: WorkspaceRole? = nil) {
        self.actor = actor
        self.workspace = workspace
        self.personalData = personalData
        self.route = route
        self.role = role
    }

    /// Notes that the current request read or changed these profiles (by id).
    static func noteSubjects(_ profileIds: [String]) {
        current?.notes.add(profileIds: profileIds)
    }

    /// Notes a detail for the current request's audit entry (never personal data).
    static func noteDetail(_ text: String) {
        current?.notes.add(detail: text)
    }

    /// The current request's audit actor, for handlers whose service records its own entries
    /// (`system` outside an access-checked request).
    static var actor: String { current?.actor ?? AuditActor.system }

    /// Notes that the handler's service recorded the request's audit entries itself (with the
    /// action's own verb, in the action's transaction), so `AccessMiddleware` adds none.
    static func noteRecorded() {
        current?.notes.markRecorded()
    }

    /// Whether the current request sees personal fields (true outside an access-checked request,
    /// for code paths such as the command line that are not HTTP requests).
    static var showsPersonalData: Bool { current?.personalData ?? true }

    /// `value` masked unless the current request may see personal data.
    static func masked(_ value: JSONValue) -> JSONValue {
        showsPersonalData ? value : PersonalDataMask.mask(value)
    }

    /// A personal string (an email, a name) as the current request may see it.
    static func masked(_ text: String?) -> String? {
        guard let text else { return nil }
        return showsPersonalData ? text : PersonalDataMask.masked
    }
}

/// What a handler tells the audit log about its request: the profiles it touched and details.
final class AuditNotes: Sendable {
    private let state = Mutex<(profiles: [String], details: [String])>(([], []))
    private let recordedByHandler = Mutex(false)

    /// Whether the handler recorded the request's entries itself.
    var recorded: Bool { recordedByHandler.withLock { $0 } }

    func markRecorded() { recordedByHandler.withLock { $0 = true } }

    func add(profileIds: [String]) {
        state.withLock { s in
            for id in profileIds where !s.profiles.contains(id) { s.profiles.append(id) }
        }
    }

    func add(detail: String) { state.withLock { $0.details.append(detail) } }

    func taken() -> (profiles: [String], details: [String]) { state.withLock { $0 } }
}
