import Foundation
import Testing

/// Suites whose clients talk to an in-process server over a real socket through
/// HummingbirdTesting's live client, whose read timeout is a fixed 20 s.
///
/// On a two-core machine running every other suite at once (model fits, peers in Python,
/// imports), a request can wait longer than that for a core, and the test fails for the
/// machine's load, not for the code. `.ci/run` therefore sets `BEACON_LIVE_SOCKET_TESTS=later`
/// for the full run, which skips these suites, and runs them by themselves right after it;
/// a plain `swift test` runs them with the rest.
public enum LiveSocketPhase {
    /// Whether this run leaves the live-socket suites for a run of their own.
    public static var deferred: Bool { ProcessInfo.processInfo.environment["BEACON_LIVE_SOCKET_TESTS"] == "later" }
}

extension Trait where Self == ConditionTrait {
    /// Runs the suite unless the live-socket suites are left for their own run (`LiveSocketPhase`).
    public static var liveSocket: Self {
        .disabled(if: LiveSocketPhase.deferred, "a live-socket suite: .ci/run runs it on its own after the full run")
    }
}
