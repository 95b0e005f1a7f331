/// The release of Beacon this binary is: printed by `beacon --version`, sent in the
/// `User-Agent` of outgoing requests and recorded with exports.
public enum BeaconRelease {
    /// Semantic version of the release.
    public static let version = "0.5.0"
}
