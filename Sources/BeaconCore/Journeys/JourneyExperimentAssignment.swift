/// The sticky assignment of a profile to a split's variant: a hash of the profile and the
/// experiment picks a point in [0, 1), and the variants' weights divide that interval.
///
/// The same profile always lands in the same variant of the same experiment, in every process
/// and release and across versions of the journey, while two experiments assign independently.
/// The hash is 64-bit FNV-1a followed by the splitmix64 finaliser (Steele, Lea and Flood 2014),
/// which spreads FNV's weak low bits over the whole word.
public enum JourneyExperimentAssignment {
    /// The point in [0, 1) of `profileId` in `experiment`.
    public static func unit(profileId: String, experiment: String) -> Double {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in "\(experiment)\u{1F}\(profileId)".utf8 {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01B3
        }
        h ^= h >> 30
        h &*= 0xbf58_476d_1ce4_e5b9
        h ^= h >> 27
        h &*= 0x94d0_49bb_1331_11eb
        h ^= h >> 31
        return Double(h >> 11) / Double(UInt64(1) << 53)
    }

    /// The index of the variant `profileId` gets among `weights` (positive, relative).
    public static func variant(profileId: String, experiment: String, weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        let u = unit(profileId: profileId, experiment: experiment) * total
        var cumulative = 0.0
        for (i, w) in weights.enumerated() {
            cumulative += w
            if u < cumulative { return i }
        }
        return weights.count - 1
    }
}
