import BeaconStore

/// What an email destination's sender reads at send time: the suppression list and the
/// profiles (through `stores`), and the server's key, which seals unsubscribe tokens.
public struct EmailSenderContext: Sendable {
    public var stores: Stores
    public var secrets: @Sendable () throws -> SecretBox

    public init(stores: Stores, secrets: @escaping @Sendable () throws -> SecretBox) {
        self.stores = stores
        self.secrets = secrets
    }
}
