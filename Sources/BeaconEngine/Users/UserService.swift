import BeaconCore
import BeaconStore
import Crypto
import Foundation

/// Dashboard users and their sessions: creating and changing users with validated input,
/// signing in with throttling, resolving a session cookie to its user, and deciding which
/// workspaces a user may see.
///
/// Session secrets are `bs_` + 64 hex digits (256 random bits); only their SHA-256 is
/// stored, as with write keys and API tokens, so a copy of the database signs nobody in.
public struct UserService: Sendable {
    public let store: any UserStore
    public let hasher: PasswordHasher
    public let throttle: LoginThrottle
    /// How long a session lasts from sign-in.
    public let sessionLifetime: TimeInterval
    /// A hash checked when the email is unknown, so both paths cost the same time.
    private let decoyHash: String

    public static let minimumPasswordLength = 10

    /// `hasher.hash` on `ComputeExecutor.requests`: a second of CPU that must not hold a
    /// thread of the cooperative pool.
    private func hash(_ password: String) async throws -> String {
        let hasher = hasher
        return try await ComputeExecutor.requests.run { try hasher.hash(password) }
    }

    /// `hasher.verify` on `ComputeExecutor.requests`.
    private func verify(_ password: String, against stored: String) async -> Bool {
        let hasher = hasher
        return await ComputeExecutor.requests.run { hasher.verify(password, against: stored) }
    }

    public init(
        store: any UserStore, hasher: PasswordHasher = PasswordHasher(), throttle: LoginThrottle = LoginThrottle(),
        sessionLifetime: TimeInterval = 7 * 24 * 3600
    ) {
        self.store = store
        self.hasher = hasher
        self.throttle = throttle
        self.sessionLifetime = sessionLifetime
        decoyHash = hasher.decoy()
    }

    // MARK: Users

    /// Creates a user. - Throws: `UserError` naming `email`, `name` or `password` when one is
    /// unusable, `StoreError.conflict` when the email is taken.
    @discardableResult
    public func createUser(email: String, name: String, password: String, role: DashboardUser.Role) async throws
        -> DashboardUser
    {
        let email = try Self.normalisedEmail(email)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else {
            throw UserError(field: "name", "a name of 1 to 200 characters is required")
        }
        try Self.checkPassword(password)
        let user = DashboardUser(
            id: UUID().uuidString.lowercased(), email: email, name: name, role: role,
            passwordHash: try await hash(password), createdAt: Date())
        try await store.createUser(user)
        return user
    }

    /// When nobody can sign in yet, creates an administrator with a random 20-character
    /// password and returns both (the password is not kept and must be shown to the person
    /// once); nil when users exist already.
    public func bootstrapAdmin(email: String = "admin@beacon.local", name: String = "Administrator") async throws
        -> (user: DashboardUser, password: String)?
    {
        guard try await store.listUsers().isEmpty else { return nil }
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        let password = String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
        return (try await createUser(email: email, name: name, password: password, role: .admin), password)
    }

    /// Sets a new password and signs the user out of every session.
    public func setPassword(email: String, to password: String) async throws {
        try Self.checkPassword(password)
        var user = try await existing(email)
        user.passwordHash = try await hash(password)
        try await store.updateUser(user)
        try await store.deleteSessions(userId: user.id)
    }

    /// Changes a signed-in user's own password after checking the current one; signs them
    /// out everywhere. - Throws: `UserError` naming `current` or `password`.
    public func changeOwnPassword(_ user: DashboardUser, current: String, new password: String) async throws {
        guard let stored = try await store.user(id: user.id), await verify(current, against: stored.passwordHash) else {
            throw UserError(field: "current", "the current password is not right")
        }
        try Self.checkPassword(password)
        var updated = stored
        updated.passwordHash = try await hash(password)
        try await store.updateUser(updated)
        try await store.deleteSessions(userId: user.id)
    }

    /// The user with `email`. - Throws: `UserError` naming `email` when there is none.
    public func existing(_ email: String) async throws -> DashboardUser {
        let normalised = try Self.normalisedEmail(email)
        guard let user = try await store.user(email: normalised) else {
            throw UserError(field: "email", "there is no user with email '\(normalised)'")
        }
        return user
    }

    /// The workspaces `user` may see, by name: all for an admin, granted ones for a member.
    public func visibleWorkspaces(of user: DashboardUser, among all: [Workspace]) async throws -> [Workspace] {
        if user.role == .admin { return all }
        let granted = try await store.grantedWorkspaceIds(userId: user.id)
        return all.filter { granted.contains($0.id) }
    }

    // MARK: Sessions

    /// Signs in: checks the password (after the throttle) and starts a session.
    /// - Returns: the session secret for the cookie and the user.
    /// - Throws: `LoginError.throttled` or `.invalidCredentials` (which never says which part was wrong).
    public func signIn(email: String, password: String, now: Date = Date()) async throws -> (
        token: String, user: DashboardUser
    ) {
        let key = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if let wait = await throttle.retryAfter(key, now: now) { throw LoginError.throttled(retryAfter: wait) }
        let user = try await store.user(email: key)
        guard let user, await verify(password, against: user.passwordHash) else {
            if user == nil { _ = await verify(password, against: decoyHash) }
            await throttle.recordFailure(key, now: now)
            throw LoginError.invalidCredentials
        }
        await throttle.recordSuccess(key)
        if hasher.needsRehash(user.passwordHash), let upgraded = try? await hash(password) {
            var u = user
            u.passwordHash = upgraded
            try await store.updateUser(u)
        }
        let token = "bs_" + WriteKey.generate().dropFirst(3)
        try await store.createSession(
            DashboardSessionRecord(
                tokenHash: WriteKey.hash(token), userId: user.id, createdAt: now,
                expiresAt: now.addingTimeInterval(sessionLifetime)))
        return (token, user)
    }

    /// The user behind a session secret, or nil when it is unknown, malformed or expired.
    public func user(forSession token: String, now: Date = Date()) async throws -> DashboardUser? {
        guard token.hasPrefix("bs_"), token.count == 67 else { return nil }
        let hash = WriteKey.hash(token)
        guard let session = try await store.session(tokenHash: hash) else { return nil }
        guard session.expiresAt > now else {
            try await store.deleteSession(tokenHash: hash)
            return nil
        }
        return try await store.user(id: session.userId)
    }

    /// Ends a session (sign out).
    public func signOut(token: String) async throws {
        try await store.deleteSession(tokenHash: WriteKey.hash(token))
    }

    // MARK: Validation

    static func normalisedEmail(_ raw: String) throws -> String {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), email.count <= 254, !email.contains(where: \.isWhitespace)
        else { throw UserError(field: "email", "'\(raw)' is not an email address") }
        return email
    }

    static func checkPassword(_ password: String) throws {
        guard password.count >= minimumPasswordLength else {
            throw UserError(field: "password", "a password needs at least \(minimumPasswordLength) characters")
        }
        guard password.utf8.count <= 1024 else {
            throw UserError(field: "password", "a password may have at most 1024 bytes")
        }
    }
}

/// Unusable user input, naming the field.
public struct UserError: Error, CustomStringConvertible, Sendable {
    public var field: String
    public var message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// Why a sign-in was refused.
public enum LoginError: Error, Sendable, Equatable {
    case invalidCredentials
    case throttled(retryAfter: TimeInterval)
}
