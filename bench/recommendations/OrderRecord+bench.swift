// The order line the lookalike model reads, for the benchmark driver compiled without BeaconCore
// (the library's `OrderRecord` lives beside `OrderDay`, which needs Core's calendar).
public struct OrderRecord: Sendable, Equatable {
    public var customerID: String
    public var orderID: String?
    public var day: Int
    public var amount: Double

    public init(customerID: String, orderID: String? = nil, day: Int, amount: Double) {
        self.customerID = customerID
        self.orderID = orderID
        self.day = day
        self.amount = amount
    }
}
