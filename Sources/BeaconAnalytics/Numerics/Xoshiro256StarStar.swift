/// xoshiro256**, the seeded pseudo-random generator for every stochastic algorithm in Beacon.
///
/// Blackman & Vigna (2021), "Scrambled linear pseudorandom number generators", *ACM TOMS*
/// 47(4), §4 (the `**` scrambler, rotate 7 and multipliers 5 and 9). Period 2^256 − 1, passes
/// BigCrush, and is a few instructions per draw. Algorithms take the generator (or a seed) as
/// a parameter, never global random state, so a run is reproducible from its seed.
///
/// The uniform helpers below are defined here rather than taken from the standard library's
/// `Double.random(in:using:)`, whose algorithm is not specified and may change between Swift
/// releases; these are fixed: `nextDouble()` uses the top 53 bits, `nextInt(below:)` uses
/// Lemire's (2019) nearly divisionless rejection method, "Fast random integer generation in
/// an interval", *ACM TOMACS* 29(1), Algorithm 5.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose 256-bit state is filled from `seed` by `SplitMix64`, as the authors
    /// recommend; every seed (including 0) gives a valid, well-mixed state.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// A generator with an explicit state (for reproducing published test vectors).
    /// The state must not be all zero; an all-zero state is replaced by the seed-0 state.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        if state == (0, 0, 0, 0) {
            self.init(seed: 0)
        } else {
            self.init(s0: state.0, s1: state.1, s2: state.2, s3: state.3)
        }
    }

    private init(s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64) {
        (self.s0, self.s1, self.s2, self.s3) = (s0, s1, s2, s3)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform `Double` in [0, 1) with 53 random bits.
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound`; `bound` must be positive.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let s = UInt64(bound)
        var product = next().multipliedFullWidth(by: s)
        if product.low < s {
            let threshold = (0 &- s) % s
            while product.low < threshold {
                product = next().multipliedFullWidth(by: s)
            }
        }
        return Int(product.high)
    }

    /// An independent generator for a parallel stream or a restart: seeded from the next
    /// draw of this one, so the streams derived from one seed are themselves reproducible.
    public mutating func split() -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: next())
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
