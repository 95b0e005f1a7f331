import Foundation

/// Wakes a loop that otherwise waits out its interval: the journey runner sleeps a second
/// between passes over due steps, but when the profile projection queues journey signals (a
/// segment entered, a tracked event) it is woken at once, so an entry does not wait for the
/// next tick.
///
/// One waiter at a time. A signal while nobody waits is kept (one, however many arrive) and
/// ends the next wait at once, so no signal is lost between two waits.
public final class Wakeup: @unchecked Sendable {
    private let lock = NSLock()
    private var pending = false
    private var waiter: CheckedContinuation<Void, Never>?

    public init() {}

    /// Wakes the waiter, or the next wait when none is waiting.
    public func signal() {
        let waiting: CheckedContinuation<Void, Never>? = lock.withLock {
            if let w = waiter {
                waiter = nil
                return w
            }
            pending = true
            return nil
        }
        waiting?.resume()
    }

    /// Returns when signalled (a signal kept from before counts) or after `timeout`.
    public func wait(timeout: Duration) async {
        if lock.withLock({ () -> Bool in
            defer { pending = false }
            return pending
        }) { return }
        let timer = Task { [weak self] in
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            self?.signal()
        }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now: Bool = lock.withLock {
                if pending {
                    pending = false
                    return true
                }
                waiter = c
                return false
            }
            if now { c.resume() }
        }
        timer.cancel()
    }
}
