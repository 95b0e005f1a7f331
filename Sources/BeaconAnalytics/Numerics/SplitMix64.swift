/// SplitMix64, a tiny 64-bit pseudo-random generator used to expand one seed into many.
///
/// Steele, Lea & Flood (2014), "Fast splittable pseudorandom number generators", OOPSLA,
/// with the finaliser constants of Vigna's reference `splitmix64.c`. Its main use here is
/// seeding `Xoshiro256StarStar`, as Blackman & Vigna recommend: any seed, including 0, gives a
/// well-mixed state. The sequence is fixed for all platforms and Swift versions, so results
/// that depend on it are reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The internal counter; advanced by the golden-ratio increment on every draw.
    public private(set) var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
