import Foundation
import Synchronization

/// One workspace's keys for the personal fields of the profile tables: seal and open profile
/// documents, and turn identifier values into blind indexes for equality look-ups.
///
/// A store asks its `PersonalFieldProtectionSlot` for them before a write or a read, so its
/// transactions look no key up. Text stored in clear (before protection was turned on) opens
/// as itself, so a database can be switched over by rebuilding its profiles.
public struct PersonalFieldKeys: Sendable {
    /// The sealed form of a text (a profile document).
    public let seal: @Sendable (String) throws -> String
    /// The plain text of a sealed text; text that is not sealed is returned unchanged.
    public let open: @Sendable (String) throws -> String
    /// The blind index of an identifier value: a keyed hash of fixed length, equal for equal
    /// values and unequal across workspaces, from which the value cannot be read back.
    public let index: @Sendable (String) -> String

    public init(
        seal: @escaping @Sendable (String) throws -> String, open: @escaping @Sendable (String) throws -> String,
        index: @escaping @Sendable (String) -> String
    ) {
        self.seal = seal
        self.open = open
        self.index = index
    }
}

/// What gives a store the keys of a workspace's personal fields (Beacon's is BeaconEngine's
/// `PersonalDataCipher`).
public protocol PersonalFieldProtection: Sendable {
    func keys(workspaceId: String) async throws -> PersonalFieldKeys
}

/// Where a backend finds its personal-field protection: empty (fields stored in clear) until
/// the runtime installs one.
public final class PersonalFieldProtectionSlot: Sendable {
    private let current = Mutex<(any PersonalFieldProtection)?>(nil)

    public init() {}

    /// Protects fields written from now on with `protection` (nil: store them in clear).
    public func install(_ protection: (any PersonalFieldProtection)?) {
        current.withLock { $0 = protection }
    }

    /// The workspace's keys, nil when fields are stored in clear.
    public func keys(workspaceId: String) async throws -> PersonalFieldKeys? {
        guard let protection = current.withLock({ $0 }) else { return nil }
        return try await protection.keys(workspaceId: workspaceId)
    }
}

/// A backend whose profile tables can be protected (both of Beacon's).
public protocol PersonalFieldProtecting {
    var personalFields: PersonalFieldProtectionSlot { get }
}
