import BeaconCore
import BeaconStore
import Foundation
import Testing

@testable import BeaconEngine

@Suite("Dashboard users and sessions")
struct UserServiceTests {
    static func service(_ backend: ProfileBackend, lifetime: TimeInterval = 3600) async throws -> (UserService, Stores) {
        let store = try await backend.open()
        let users = UserService(
            store: store.users, hasher: PasswordHasher(rounds: 1_000), throttle: LoginThrottle(limit: 3),
            sessionLifetime: lifetime)
        return (users, store)
    }

    static func email() -> String { "u-\(UUID().uuidString.prefix(8).lowercased())@example.com" }

    @Test("Create, sign in, resolve the session, sign out", arguments: ProfileBackend.available)
    func signInAndOut(_ backend: ProfileBackend) async throws {
        let (users, _) = try await Self.service(backend)
        let email = Self.email()
        let user = try await users.createUser(email: "  " + email.uppercased(), name: "Ada", password: "long enough pw", role: .member)
        #expect(user.email == email, "stored lower-cased and trimmed")
        #expect(!user.passwordHash.contains("long enough pw"))
        let (token, signedIn) = try await users.signIn(email: email, password: "long enough pw")
        #expect(signedIn.id == user.id)
        #expect(token.hasPrefix("bs_") && token.count == 67)
        #expect(try await users.user(forSession: token)?.id == user.id)
        #expect(try await users.user(forSession: "bs_" + String(repeating: "0", count: 64)) == nil)
        #expect(try await users.user(forSession: "garbage") == nil)
        try await users.signOut(token: token)
        #expect(try await users.user(forSession: token) == nil)
    }

    @Test("Bad input names the field; a taken email is a conflict", arguments: ProfileBackend.available)
    func validation(_ backend: ProfileBackend) async throws {
        let (users, _) = try await Self.service(backend)
        let email = Self.email()
        let badEmail = await #expect(throws: UserError.self) {
            try await users.createUser(email: "not-an-email", name: "A", password: "long enough pw", role: .member)
        }
        #expect(badEmail?.field == "email")
        let shortPassword = await #expect(throws: UserError.self) {
            try await users.createUser(email: email, name: "A", password: "short", role: .member)
        }
        #expect(shortPassword?.field == "password")
        let noName = await #expect(throws: UserError.self) {
            try await users.createUser(email: email, name: "  ", password: "long enough pw", role: .member)
        }
        #expect(noName?.field == "name")
        try await users.createUser(email: email, name: "A", password: "long enough pw", role: .member)
        let conflict = await #expect(throws: StoreError.self) {
            try await users.createUser(email: email, name: "B", password: "long enough pw", role: .admin)
        }
        #expect(conflict?.code == .conflict)
    }

    @Test("Wrong passwords are throttled per email; success clears the count", arguments: ProfileBackend.available)
    func throttling(_ backend: ProfileBackend) async throws {
        let (users, _) = try await Self.service(backend)
        let email = Self.email()
        try await users.createUser(email: email, name: "A", password: "long enough pw", role: .member)
        let t0 = Date()
        await #expect(throws: LoginError.invalidCredentials) { try await users.signIn(email: email, password: "wrong!", now: t0) }
        _ = try await users.signIn(email: email, password: "long enough pw", now: t0)  // clears
        for _ in 0..<3 {
            await #expect(throws: LoginError.invalidCredentials) { try await users.signIn(email: email, password: "nope", now: t0) }
        }
        // Limit 3 reached: even the right password is refused until the window has passed.
        await #expect(throws: LoginError.throttled(retryAfter: 900)) {
            try await users.signIn(email: email, password: "long enough pw", now: t0)
        }
        _ = try await users.signIn(email: email, password: "long enough pw", now: t0.addingTimeInterval(901))
        // An unknown email fails the same way as a wrong password.
        await #expect(throws: LoginError.invalidCredentials) {
            try await users.signIn(email: Self.email(), password: "long enough pw", now: t0)
        }
    }

    @Test("Sessions expire; a new password signs the user out everywhere", arguments: ProfileBackend.available)
    func expiryAndPasswordChange(_ backend: ProfileBackend) async throws {
        let (users, _) = try await Self.service(backend, lifetime: 60)
        let email = Self.email()
        try await users.createUser(email: email, name: "A", password: "long enough pw", role: .member)
        let t0 = Date()
        let (token, _) = try await users.signIn(email: email, password: "long enough pw", now: t0)
        #expect(try await users.user(forSession: token, now: t0.addingTimeInterval(59)) != nil)
        #expect(try await users.user(forSession: token, now: t0.addingTimeInterval(61)) == nil)
        let (second, _) = try await users.signIn(email: email, password: "long enough pw", now: Date())
        try await users.setPassword(email: email, to: "another long pw")
        #expect(try await users.user(forSession: second) == nil)
        await #expect(throws: LoginError.invalidCredentials) { try await users.signIn(email: email, password: "long enough pw") }
        _ = try await users.signIn(email: email, password: "another long pw")
    }

    @Test("Members see granted workspaces only; admins see all", arguments: ProfileBackend.available)
    func visibility(_ backend: ProfileBackend) async throws {
        let (users, store) = try await Self.service(backend)
        let a = try await store.workspaces.createWorkspace(name: "vis-a-\(UUID().uuidString.prefix(6).lowercased())")
        let b = try await store.workspaces.createWorkspace(name: "vis-b-\(UUID().uuidString.prefix(6).lowercased())")
        let member = try await users.createUser(email: Self.email(), name: "M", password: "long enough pw", role: .member)
        let admin = try await users.createUser(email: Self.email(), name: "A", password: "long enough pw", role: .admin)
        #expect(try await users.visibleWorkspaces(of: member, among: [a, b]).isEmpty)
        try await users.store.grantWorkspace(userId: member.id, workspaceId: b.id)
        try await users.store.grantWorkspace(userId: member.id, workspaceId: b.id)  // idempotent
        #expect(try await users.visibleWorkspaces(of: member, among: [a, b]).map(\.id) == [b.id])
        #expect(try await users.visibleWorkspaces(of: admin, among: [a, b]).map(\.id) == [a.id, b.id])
        try await users.store.revokeWorkspace(userId: member.id, workspaceId: b.id)
        #expect(try await users.visibleWorkspaces(of: member, among: [a, b]).isEmpty)
        #expect(try await users.store.deleteUser(id: member.id))
        #expect(try await users.store.user(id: member.id) == nil)
        #expect(try await !users.store.deleteUser(id: member.id))
    }

    @Test("The first administrator is created once, with a password that signs in")
    func bootstrap() async throws {
        let (users, _) = try await Self.service(.sqlite)
        let first = try #require(try await users.bootstrapAdmin())
        #expect(first.user.role == .admin && first.password.count == 20)
        _ = try await users.signIn(email: "admin@beacon.local", password: first.password)
        #expect(try await users.bootstrapAdmin() == nil)
    }
}
