/// A backend whose repositories written once in SQL run over its driver.
public protocol SQLBackend: Sendable {
    /// The driver for this backend's connection or pool.
    var driver: any SQLDriver { get }
}
