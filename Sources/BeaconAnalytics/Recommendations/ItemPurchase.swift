/// One item a customer bought in one basket (order) on one day: the input of the per-customer
/// recommenders.
public struct ItemPurchase: Sendable, Equatable {
    public var customer: String
    /// The order the item was bought in; items of one order form a basket.
    public var basket: String
    /// Days since 1970-01-01.
    public var day: Int
    public var item: String

    public init(customer: String, basket: String, day: Int, item: String) {
        self.customer = customer
        self.basket = basket
        self.day = day
        self.item = item
    }
}
