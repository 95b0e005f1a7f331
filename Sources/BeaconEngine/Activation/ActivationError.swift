import BeaconCore

/// A refused activation request or setting (`url`, `secret`, `segment`, a destination's name).
public typealias ActivationError = FieldRefusal
