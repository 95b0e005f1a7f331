import BeaconCore
import Foundation
import Testing

@Suite("Wakeup")
struct WakeupTests {
    /// Seconds `body` took.
    func timed(_ body: () async -> Void) async -> Double {
        let start = Date()
        await body()
        return Date().timeIntervalSince(start)
    }

    @Test("a wait without a signal lasts its timeout; a signal kept from before ends the next wait at once, once")
    func keptSignal() async {
        let wakeup = Wakeup()
        #expect(await timed { await wakeup.wait(timeout: .milliseconds(300)) } >= 0.29)
        wakeup.signal()
        wakeup.signal()
        // Two signals while nobody waited are one: the first wait returns at once, the second waits.
        #expect(await timed { await wakeup.wait(timeout: .seconds(60)) } < 30)
        #expect(await timed { await wakeup.wait(timeout: .milliseconds(300)) } >= 0.29)
    }

    @Test("a signal wakes the waiter long before its timeout")
    func wakesWaiter() async throws {
        let wakeup = Wakeup()
        let waiter = Task { await timed { await wakeup.wait(timeout: .seconds(120)) } }
        try await Task.sleep(for: .milliseconds(200))
        wakeup.signal()
        let waited = await waiter.value
        #expect(waited >= 0.19 && waited < 60)
    }
}
