import BeaconCore

/// A privacy request that cannot be served (`identifier`, `retention`, a key that cannot open).
public typealias PrivacyError = FieldRefusal
